package org.mutualis.listings.listing;

/** Where a listing stands in its moderation lifecycle. */
public enum ListingStatus {

	/** Being written by its owner; visible only to the owner. */
	DRAFT,
	/** Submitted, waiting for an administrator. */
	PENDING_REVIEW,
	/** Visible to everyone and bookable. */
	PUBLISHED,
	/** Sent back by an administrator with a reason; the owner may fix and resubmit. */
	REJECTED,
	/** Taken down by an administrator with a reason; may be reinstated. */
	SUSPENDED,
	/** Withdrawn for good by its owner. */
	ARCHIVED

}
