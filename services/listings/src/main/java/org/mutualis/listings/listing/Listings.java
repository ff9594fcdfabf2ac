package org.mutualis.listings.listing;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The listings kept by this service. */
public interface Listings {

	/**
	 * Finds a listing.
	 * @param id listing id
	 * @return the listing, if it exists
	 */
	Optional<Listing> find(String id);

	/**
	 * Stores a listing and the events it recorded, in one atomic write. A listing loaded with version {@code n}
	 * is written only if the stored version is still {@code n}.
	 * @param listing the listing
	 * @return the listing as stored, with its new version
	 * @throws org.springframework.dao.OptimisticLockingFailureException when someone saved it meanwhile
	 */
	Listing save(Listing listing);

	/**
	 * Finds several listings.
	 * @param ids listing ids
	 * @return those that exist, in no particular order
	 */
	List<Listing> findAll(java.util.Collection<String> ids);

	/**
	 * Lists the listings of an organisation.
	 * @param organisationId owner
	 * @return its listings, newest first
	 */
	List<Listing> ownedBy(String organisationId);

	/**
	 * Lists the listings in a state.
	 * @param status the state
	 * @return the listings, oldest change first
	 */
	List<Listing> inStatus(ListingStatus status);

	/**
	 * Visits every listing.
	 * @param visitor receives each listing
	 */
	void forEach(Consumer<Listing> visitor);

}
