package org.mutualis.listings.listing;

/** Whether a booking needs the owner's approval. */
public enum BookingMode {

	/** A request within the rules is confirmed at once. */
	INSTANT,
	/** The owner accepts or declines each request. */
	APPROVAL

}
