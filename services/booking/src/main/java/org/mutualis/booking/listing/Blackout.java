package org.mutualis.booking.listing;

import java.time.LocalDate;

/**
 * Whole days on which a listing is closed, in its time zone.
 *
 * @param from first closed day
 * @param to last closed day, inclusive
 * @param reason why, as the owner wrote it
 */
public record Blackout(LocalDate from, LocalDate to, String reason) {

	/**
	 * Tells whether a day is closed.
	 * @param day a local date
	 * @return whether it falls in the blackout
	 */
	public boolean covers(LocalDate day) {
		return !day.isBefore(this.from) && !day.isAfter(this.to);
	}

}
