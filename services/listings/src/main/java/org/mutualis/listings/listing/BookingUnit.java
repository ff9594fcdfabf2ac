package org.mutualis.listings.listing;

/** The unit in which a resource is booked and priced. */
public enum BookingUnit {

	/** One hour. */
	HOUR,
	/** A morning or an afternoon. */
	HALF_DAY,
	/** A whole day. */
	DAY

}
