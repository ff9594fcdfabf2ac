package org.mutualis.listings.listing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The whole state of a {@link Listing}, as adapters store and show it (its version is kept beside it).
 *
 * @param id listing id
 * @param ownerOrganisationId owning organisation
 * @param details owner-written content
 * @param status lifecycle state
 * @param photos photos, the first being the cover
 * @param history audit trail, oldest first
 * @param createdAt creation time
 * @param updatedAt last change
 * @param publishedAt first publication, if any
 */
public record ListingState(String id, String ownerOrganisationId, ListingDetails details, ListingStatus status,
		List<Photo> photos, List<Transition> history, Instant createdAt, Instant updatedAt,
		@Nullable Instant publishedAt) {
}
