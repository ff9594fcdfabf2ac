package org.mutualis.booking.calendar.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.calendar.FeedScope;

/**
 * A request for a new calendar feed.
 *
 * @param scope {@code ORGANISATION} (every booking of the acting organisation) or {@code LISTING} (busy times of one listing)
 * @param listingId the listing, for a listing feed
 * @param language {@code fr} (default) or {@code en}
 */
record FeedRequest(@NotNull FeedScope scope, @Nullable @Size(max = 100) String listingId,
		@Nullable @Size(max = 2) String language) {
}
