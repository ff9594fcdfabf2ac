package org.mutualis.listings.listing;

import java.time.Instant;

/** An administrator put a suspended listing back online. */
public record ListingReinstated(String listingId, String ownerOrganisationId, ListingFacts listing,
		Instant reinstatedAt) implements ListingEvent {
}
