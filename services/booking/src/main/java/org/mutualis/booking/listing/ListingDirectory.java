package org.mutualis.booking.listing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The listing read model: what listings' events said about each listing, last event first. */
public interface ListingDirectory {

	/**
	 * Finds a listing whose facts are known.
	 * @param id listing id
	 * @return the listing, if a published, updated or reinstated event described it
	 */
	Optional<BookableListing> find(String id);

	/**
	 * Finds several listings in one query.
	 * @param ids listing ids
	 * @return the known ones, in no particular order
	 */
	List<BookableListing> findAll(Collection<String> ids);

	/**
	 * Records a listing's facts, unless a later event was applied already.
	 * @param listing the listing as the event describes it
	 */
	void record(BookableListing listing);

	/**
	 * Records a status change that carries no facts (suspended, archived, rejected, submitted), unless a later event
	 * was applied already.
	 * @param id listing id
	 * @param ownerOrganisationId owning organisation
	 * @param status the new status
	 * @param changedAt time of the event
	 */
	void recordStatus(String id, String ownerOrganisationId, ListingStatus status, Instant changedAt);

}
