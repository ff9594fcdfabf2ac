package org.mutualis.listings.listing;

import java.time.Instant;

/** An administrator took a published listing down with a reason. */
public record ListingSuspended(String listingId, String ownerOrganisationId, String reason,
		Instant suspendedAt) implements ListingEvent {
}
