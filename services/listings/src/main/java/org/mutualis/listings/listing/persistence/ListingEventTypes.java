package org.mutualis.listings.listing.persistence;

import org.mutualis.listings.listing.ListingArchived;
import org.mutualis.listings.listing.ListingEvent;
import org.mutualis.listings.listing.ListingPublished;
import org.mutualis.listings.listing.ListingReinstated;
import org.mutualis.listings.listing.ListingRejected;
import org.mutualis.listings.listing.ListingSubmitted;
import org.mutualis.listings.listing.ListingSuspended;
import org.mutualis.listings.listing.ListingUpdated;

/** The wire names of the listing events; never derived from class names. */
final class ListingEventTypes {

	private ListingEventTypes() {
	}

	static String typeOf(ListingEvent event) {
		return switch (event) {
			case ListingSubmitted submitted -> "mutualis.listing.submitted.v1";
			case ListingPublished published -> "mutualis.listing.published.v1";
			case ListingUpdated updated -> "mutualis.listing.updated.v1";
			case ListingRejected rejected -> "mutualis.listing.rejected.v1";
			case ListingSuspended suspended -> "mutualis.listing.suspended.v1";
			case ListingReinstated reinstated -> "mutualis.listing.reinstated.v1";
			case ListingArchived archived -> "mutualis.listing.archived.v1";
		};
	}

}
