package org.mutualis.notifications.directory;

/**
 * The two organisations of a booking and what they booked, as booking's events state them.
 *
 * @param bookingId the booking
 * @param listingId the listing booked
 * @param ownerOrganisationId the organisation that owns the listing
 * @param borrowerOrganisationId the organisation that books
 * @param titleFr the listing's title in French
 * @param titleEn the listing's title in English
 */
public record BookingParties(String bookingId, String listingId, String ownerOrganisationId,
		String borrowerOrganisationId, String titleFr, String titleEn) {
}
