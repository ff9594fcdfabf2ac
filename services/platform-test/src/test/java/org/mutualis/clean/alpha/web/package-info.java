/** Architecture fixture: a well-formed package. */
@NullMarked
package org.mutualis.clean.alpha.web;

import org.jspecify.annotations.NullMarked;
