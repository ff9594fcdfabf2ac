package org.mutualis.listings.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.ListingStatus;

/** One line of a listing's audit trail as the API shows it. */
public record TransitionView(Instant at, String actorId, @Nullable ListingStatus from, ListingStatus to,
		@Nullable String reason) {
}
