package org.mutualis.booking.listing;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * An opening window repeated every week, in the listing's time zone.
 *
 * @param day the day of the week
 * @param from opening time
 * @param to closing time, after {@code from}
 */
public record WeeklyWindow(DayOfWeek day, LocalTime from, LocalTime to) {
}
