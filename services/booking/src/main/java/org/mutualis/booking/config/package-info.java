/** Wiring and typed settings of the booking service. */
@NullMarked
package org.mutualis.booking.config;

import org.jspecify.annotations.NullMarked;
