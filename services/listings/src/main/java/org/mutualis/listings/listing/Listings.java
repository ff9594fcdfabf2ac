package org.mutualis.listings.listing;

import java.util.Collection;
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
	 * Stores a listing and the events it recorded, in one atomic write. A listing loaded at version {@code n}
	 * is written only if the stored version is still {@code n}; afterwards {@link Listing#version()} is the new one.
	 * @param listing the listing
	 * @throws org.mutualis.platform.aggregate.StaleVersion when someone saved it meanwhile (nothing is written)
	 */
	void save(Listing listing);

	/**
	 * Finds several listings.
	 * @param ids listing ids
	 * @return those that exist, in no particular order
	 */
	List<Listing> findAll(Collection<String> ids);

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
	 * Visits every listing, reading them one at a time rather than all at once.
	 * @param visitor receives each listing
	 */
	void forEach(Consumer<Listing> visitor);

}
