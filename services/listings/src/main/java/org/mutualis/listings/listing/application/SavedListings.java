package org.mutualis.listings.listing.application;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingAccess;
import org.mutualis.listings.listing.Listings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads and saves listings for the listing feature's own application services, and tells this instance's read
 * models (the search index) about every saved change; no other feature reaches it.
 */
@Component
class SavedListings {

	private final Listings listings;

	private final ApplicationEventPublisher publisher;

	SavedListings(Listings listings, ApplicationEventPublisher publisher) {
		this.listings = listings;
		this.publisher = publisher;
	}

	/**
	 * Loads a listing.
	 * @param id listing id
	 * @return the listing
	 * @throws org.mutualis.platform.problem.Refusal {@code listing-not-found}
	 */
	Listing load(String id) {
		return this.listings.find(id).orElseThrow(ListingAccess::notFound);
	}

	/**
	 * Refuses a change prepared on another version than the stored one; checked after access, so that a caller
	 * who may not change the listing learns nothing of its version.
	 * @param listing the stored listing
	 * @param expectedVersion the version the caller saw, if given
	 * @throws org.mutualis.platform.aggregate.StaleVersion when it differs
	 */
	static void requireVersion(Listing listing, @Nullable Long expectedVersion) {
		if (expectedVersion != null) {
			listing.requireVersion(expectedVersion);
		}
	}

	/**
	 * Saves a listing with its events and tells the read models.
	 * @param listing the changed listing
	 * @return the same listing, now at its stored version
	 * @throws org.mutualis.platform.aggregate.StaleVersion when someone saved it meanwhile
	 */
	Listing save(Listing listing) {
		this.listings.save(listing);
		this.publisher.publishEvent(new ListingChanged(listing));
		return listing;
	}

}
