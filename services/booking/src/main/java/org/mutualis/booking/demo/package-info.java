/** Demonstration bookings between the demo organisations, for a newcomer's first run. */
@NullMarked
package org.mutualis.booking.demo;

import org.jspecify.annotations.NullMarked;
