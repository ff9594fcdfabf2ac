package org.mutualis.booking.reservation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Counters of bookings per listing, borrowing organisation and month (in the listing's time zone). Taking a place is
 * one conditional atomic write: it succeeds only while the counter is below the quota.
 */
public interface MonthlyQuotas {

	/**
	 * Names the counter of a month.
	 * @param listingId the listing
	 * @param organisationId the borrowing organisation
	 * @param month the month, in the listing's time zone
	 * @return the key
	 */
	static String key(String listingId, String organisationId, YearMonth month) {
		return listingId + "|" + organisationId + "|" + month;
	}

	/**
	 * Takes a place for a booking; taking it again for the same booking changes nothing and succeeds.
	 * @param key the counter
	 * @param bookingId the booking
	 * @param quota places per month
	 * @return whether the booking has its place
	 */
	boolean take(String key, String bookingId, int quota);

	/**
	 * Gives a booking's place back; giving it twice changes nothing.
	 * @param key the counter
	 * @param bookingId the booking
	 */
	void release(String key, String bookingId);

	/**
	 * Lists places taken before a time, for the repair of places whose booking never got written.
	 * @param before the time
	 * @return counter key to booking ids
	 */
	Map<String, List<String>> placesTakenBefore(Instant before);

}
