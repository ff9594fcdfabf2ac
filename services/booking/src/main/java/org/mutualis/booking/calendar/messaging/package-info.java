/** Keeps the calendar read model from booking's own events. */
@NullMarked
package org.mutualis.booking.calendar.messaging;

import org.jspecify.annotations.NullMarked;
