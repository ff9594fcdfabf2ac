/** Bookings of listings: the Booking aggregate, its rules and the occupancy that prevents double bookings. */
@NullMarked
package org.mutualis.booking.reservation;

import org.jspecify.annotations.NullMarked;
