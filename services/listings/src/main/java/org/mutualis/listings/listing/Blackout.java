package org.mutualis.listings.listing;

import java.time.LocalDate;

/**
 * Days on which the resource cannot be booked, in the listing's time zone.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param reason why, shown to borrowers
 */
public record Blackout(LocalDate from, LocalDate to, String reason) {
}
