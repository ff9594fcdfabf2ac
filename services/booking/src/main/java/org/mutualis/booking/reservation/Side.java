package org.mutualis.booking.reservation;

/** The two parties of a booking. */
public enum Side {

	/** The organisation that owns the listing. */
	OWNER,
	/** The organisation that borrows it. */
	BORROWER

}
