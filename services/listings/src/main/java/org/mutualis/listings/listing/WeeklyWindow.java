package org.mutualis.listings.listing;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A weekly opening window, in the listing's time zone.
 *
 * @param day day of the week
 * @param from opening time
 * @param to closing time, after {@code from}
 */
public record WeeklyWindow(DayOfWeek day, LocalTime from, LocalTime to) {
}
