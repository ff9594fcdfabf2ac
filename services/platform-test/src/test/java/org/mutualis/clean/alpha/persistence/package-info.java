/** Architecture fixture: a well-formed package. */
@NullMarked
package org.mutualis.clean.alpha.persistence;

import org.jspecify.annotations.NullMarked;
