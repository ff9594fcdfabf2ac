package org.mutualis.booking.reservation;

/** Where a booking stands. */
public enum BookingStatus {

	/** Waiting for a manager of the owning organisation; holds its time and units. */
	REQUESTED(true),
	/** Agreed; holds its time and units. */
	CONFIRMED(true),
	/** Refused by the owner, with a reason; frees the time. */
	DECLINED(false),
	/** Not answered in time; frees the time. */
	EXPIRED(false),
	/** Called off by either side before the start, with a reason; frees the time. */
	CANCELLED(false),
	/** Took place; its cost is recorded in the ledger. */
	COMPLETED(true),
	/** The borrower did not come, as recorded by the owner. */
	NO_SHOW(true);

	private final boolean holdsTime;

	BookingStatus(boolean holdsTime) {
		this.holdsTime = holdsTime;
	}

	/** @return whether a booking in this state keeps its units in the listing's occupancy */
	public boolean holdsTime() {
		return this.holdsTime;
	}

}
