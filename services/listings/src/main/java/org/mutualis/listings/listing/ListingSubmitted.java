package org.mutualis.listings.listing;

import java.time.Instant;

/** The owner sent a listing for review. */
public record ListingSubmitted(String listingId, String ownerOrganisationId, ListingKind kind, Bilingual title,
		String submittedBy, Instant submittedAt) implements ListingEvent {
}
