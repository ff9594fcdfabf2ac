/** Architecture fixture: a well-formed package. */
@NullMarked
package org.mutualis.clean.alpha;

import org.jspecify.annotations.NullMarked;
