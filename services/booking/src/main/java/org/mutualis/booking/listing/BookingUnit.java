package org.mutualis.booking.listing;

/** The unit a listing is booked in. */
public enum BookingUnit {

	/** Whole hours starting on a quarter hour, inside one opening window. */
	HOUR,
	/**
	 * Blocks of four hours counted from the opening of the day's window (09:00–13:00, 13:00–17:00 for a 09:00–17:00
	 * window); one or more consecutive blocks that fit entirely inside that window.
	 */
	HALF_DAY,
	/** Whole days: from the opening of the first day's window to the closing of the last day's window. */
	DAY;

	/** Length of one {@link #HALF_DAY} block in minutes. */
	public static final int HALF_DAY_MINUTES = 240;

}
