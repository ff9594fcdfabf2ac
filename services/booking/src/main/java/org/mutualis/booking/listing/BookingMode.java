package org.mutualis.booking.listing;

/** How a listing's owner answers requests. */
public enum BookingMode {

	/** A request that passes every rule is confirmed at once. */
	INSTANT,
	/** A manager of the owning organisation confirms or declines each request. */
	APPROVAL

}
