package org.mutualis.booking.ledger;

/** Which way an amount goes, seen from the organisation whose statement it is. */
public enum Direction {

	/** The counterparty owes this organisation (it lent). */
	RECEIVABLE,
	/** This organisation owes the counterparty (it borrowed). */
	PAYABLE

}
