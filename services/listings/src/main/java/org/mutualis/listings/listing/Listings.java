package org.mutualis.listings.listing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

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
	 * Lists every listing of an organisation.
	 * @param organisationId owner
	 * @return its listings, newest first
	 */
	List<Listing> ownedBy(String organisationId);

	/**
	 * Lists one page of the listings of an organisation.
	 * @param organisationId owner
	 * @param page page number, from 0
	 * @param size page size
	 * @return its listings on that page, newest first
	 */
	List<Listing> ownedBy(String organisationId, int page, int size);

	/**
	 * Counts the listings of an organisation.
	 * @param organisationId owner
	 * @param status only those in this state, or all when {@code null}
	 * @return how many
	 */
	long countOwnedBy(String organisationId, @Nullable ListingStatus status);

	/**
	 * Lists one page of the listings in a state.
	 * @param status the state
	 * @param page page number, from 0
	 * @param size page size
	 * @return the listings, oldest change first
	 */
	List<Listing> inStatus(ListingStatus status, int page, int size);

	/**
	 * Counts the listings in a state.
	 * @param status the state
	 * @return how many
	 */
	long countInStatus(ListingStatus status);

	/**
	 * Visits every listing, reading them one at a time rather than all at once.
	 * @param visitor receives each listing
	 */
	void forEach(Consumer<Listing> visitor);

}
