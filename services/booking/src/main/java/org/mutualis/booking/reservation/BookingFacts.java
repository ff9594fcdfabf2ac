package org.mutualis.booking.reservation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.Title;

/**
 * What every booking event carries, so that its consumers need to call no one.
 */
record BookingFacts(String bookingId, String listingId, Title listingTitle, String listingKind, String unit,
		String ownerOrganisationId, String ownerOrganisationName, String borrowerOrganisationId,
		String borrowerOrganisationName, String requesterId, int quantity, Instant start, Instant end, String timeZone,
		String localStart, String localEnd, Languages languages, @Nullable String seriesId, String status,
		Instant occurredAt) {
}
