/** Technical plumbing that every Mutualis service shares; it holds no domain concept. */
@NullMarked
package org.mutualis.platform;

import org.jspecify.annotations.NullMarked;
