package org.mutualis.notifications.directory;

import java.time.ZoneId;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Notifications' copies of the listings. */
public interface Listings {

	/** Time zone of a listing whose own zone is not known yet: the region's. */
	ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/Toronto");

	/**
	 * Records a listing's owner, titles and time zone as its latest event states them; absent values leave what
	 * is known.
	 * @param id listing id
	 * @param ownerOrganisationId owning organisation
	 * @param titleFr French title, if the event carries it
	 * @param titleEn English title, if the event carries it
	 * @param timeZone local time zone, if the event carries it
	 */
	void record(String id, String ownerOrganisationId, @Nullable String titleFr, @Nullable String titleEn,
			@Nullable ZoneId timeZone);

	/**
	 * Finds a listing.
	 * @param id listing id
	 * @return the copy, if listings told of it
	 */
	Optional<Listing> find(String id);

}
