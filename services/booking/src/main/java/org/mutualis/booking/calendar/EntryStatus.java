package org.mutualis.booking.calendar;

/** How a booking shows in a calendar, as RFC 5545 {@code STATUS} of an event. */
public enum EntryStatus {

	/** Requested, not yet decided: the time is held but may still be freed. */
	TENTATIVE,
	/** Confirmed (or already used): the time is taken. */
	CONFIRMED,
	/** Cancelled, declined or expired: calendar apps remove or strike it out. */
	CANCELLED;

	/**
	 * Reads a booking status as booking's events carry it.
	 * @param bookingStatus e.g. {@code REQUESTED}, {@code CONFIRMED}, {@code NO_SHOW}
	 * @return how it shows in a calendar
	 * @throws IllegalArgumentException for a status this version does not know
	 */
	public static EntryStatus ofBookingStatus(String bookingStatus) {
		return switch (bookingStatus) {
			case "REQUESTED" -> TENTATIVE;
			// a no-show still held the time: owners see that it was reserved
			case "CONFIRMED", "COMPLETED", "NO_SHOW" -> CONFIRMED;
			case "DECLINED", "EXPIRED", "CANCELLED" -> CANCELLED;
			default -> throw new IllegalArgumentException("unknown booking status " + bookingStatus);
		};
	}

}
