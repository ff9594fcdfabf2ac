package org.mutualis.listings.listing;

/** Where a person's time is given. */
public enum ServiceDelivery {

	/** From a distance (video call, telephone). */
	REMOTE,
	/** At the borrower's place. */
	ON_SITE,
	/** Either, as agreed. */
	BOTH

}
