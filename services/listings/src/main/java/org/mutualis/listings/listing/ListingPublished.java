package org.mutualis.listings.listing;

import java.time.Instant;

/** An administrator published a listing; it is visible and bookable. */
public record ListingPublished(String listingId, String ownerOrganisationId, ListingFacts listing,
		Instant publishedAt) implements ListingEvent {
}
