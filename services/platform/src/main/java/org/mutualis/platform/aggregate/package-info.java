/** The one shape every aggregate takes: plain Java, a loaded version, and the events it recorded since. */
@NullMarked
package org.mutualis.platform.aggregate;

import org.jspecify.annotations.NullMarked;
