package org.mutualis.listings.listing;

import java.time.Instant;

/** An administrator sent a submitted listing back to its owner with a reason. */
public record ListingRejected(String listingId, String ownerOrganisationId, String reason,
		Instant rejectedAt) implements ListingEvent {
}
