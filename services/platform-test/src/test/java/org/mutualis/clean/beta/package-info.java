/** Architecture fixture: a well-formed package. */
@NullMarked
package org.mutualis.clean.beta;

import org.jspecify.annotations.NullMarked;
