package org.mutualis.listings.listing;

/** A fact about a listing that other services learn through {@code mutualis.listings.v1}. */
public sealed interface ListingEvent permits ListingSubmitted, ListingPublished, ListingUpdated, ListingRejected,
		ListingSuspended, ListingReinstated, ListingArchived {

	/** @return the listing the fact is about */
	String listingId();

}
