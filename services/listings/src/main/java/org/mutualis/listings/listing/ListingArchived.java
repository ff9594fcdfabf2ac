package org.mutualis.listings.listing;

import java.time.Instant;

/** The owner withdrew a listing for good. */
public record ListingArchived(String listingId, String ownerOrganisationId, Instant archivedAt)
		implements ListingEvent {
}
