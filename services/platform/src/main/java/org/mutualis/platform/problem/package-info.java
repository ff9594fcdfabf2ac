/** Refusals that domain code raises and every service renders as RFC 9457 problem details; free of Spring. */
@NullMarked
package org.mutualis.platform.problem;

import org.jspecify.annotations.NullMarked;
