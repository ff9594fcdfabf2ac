package org.mutualis.booking.calendar;

/** What a calendar feed shows. */
public enum FeedScope {

	/** Every booking of the organisation, as borrower and as owner, with both organisations' names. */
	ORGANISATION,
	/** One listing's busy times only: no names, no titles, nothing about who borrows. */
	LISTING

}
