/** Architecture fixture: a well-formed package. */
@NullMarked
package org.mutualis.clean.config;

import org.jspecify.annotations.NullMarked;
