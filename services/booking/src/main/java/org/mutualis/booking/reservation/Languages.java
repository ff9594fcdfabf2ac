package org.mutualis.booking.reservation;

/**
 * Language hints for the people told about a booking.
 *
 * @param owner the owning organisation's preferred language, {@code fr} or {@code en}
 * @param borrower the borrowing organisation's preferred language
 */
public record Languages(String owner, String borrower) {
}
