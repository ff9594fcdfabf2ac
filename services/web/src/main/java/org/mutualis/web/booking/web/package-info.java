/** Booking pages: request a listing's time, follow the organisation's bookings, answer incoming requests. */
@NullMarked
package org.mutualis.web.booking.web;

import org.jspecify.annotations.NullMarked;
