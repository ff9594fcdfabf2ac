/** The public home page of Mutualis. */
@NullMarked
package org.mutualis.web.home;

import org.jspecify.annotations.NullMarked;
