/** iCalendar feeds of bookings, per organisation and per listing, served at secret revocable addresses. */
@NullMarked
package org.mutualis.booking.calendar;

import org.jspecify.annotations.NullMarked;
