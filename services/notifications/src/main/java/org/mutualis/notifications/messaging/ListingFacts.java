package org.mutualis.notifications.messaging;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Notifications' copy of the listing events ({@code mutualis.listing.*.v1}): the owner, and the title and time zone
 * where the event carries them (at the top for {@code submitted}, inside {@code listing} for the others).
 *
 * @param listingId the listing
 * @param ownerOrganisationId the owning organisation
 * @param title titles by language ({@code submitted})
 * @param listing the listing's state ({@code published}, {@code updated}, {@code reinstated})
 * @param reason the moderator's reason ({@code rejected}, {@code suspended})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ListingFacts(@Nullable String listingId, @Nullable String ownerOrganisationId,
		@Nullable Map<String, String> title, @Nullable State listing, @Nullable String reason) {

	/**
	 * The part of a listing's state notifications keeps.
	 * @param title titles by language
	 * @param timeZone the listing's time zone
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record State(@Nullable Map<String, String> title, @Nullable String timeZone) {
	}

}
