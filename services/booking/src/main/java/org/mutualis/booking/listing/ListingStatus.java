package org.mutualis.booking.listing;

/** The last known moderation state of a listing; only {@link #PUBLISHED} listings take new requests. */
public enum ListingStatus {

	/** Being written by its owner; not bookable. */
	DRAFT,
	/** Waiting for moderation; not bookable. */
	PENDING_REVIEW,
	/** Visible and bookable. */
	PUBLISHED,
	/** Refused by moderation; not bookable. */
	REJECTED,
	/** Taken down by moderation; existing bookings stay, no new requests. */
	SUSPENDED,
	/** Withdrawn by its owner; existing bookings stay, no new requests. */
	ARCHIVED

}
