package org.mutualis.listings.listing;

import java.time.Instant;

/** The owner changed a listing's content; carries the listing as it now is. */
public record ListingUpdated(String listingId, String ownerOrganisationId, ListingFacts listing,
		Instant updatedAt) implements ListingEvent {
}
