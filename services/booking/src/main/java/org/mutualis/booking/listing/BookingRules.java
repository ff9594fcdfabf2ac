package org.mutualis.booking.listing;

import org.jspecify.annotations.Nullable;

/**
 * The owner's booking policy for a listing.
 *
 * @param mode instant or approval
 * @param minDurationMinutes shortest booking
 * @param maxDurationMinutes longest booking
 * @param minNoticeHours how long before the start a request must arrive
 * @param maxAdvanceDays how far ahead a booking may start
 * @param bufferBeforeMinutes time kept free before each booking
 * @param bufferAfterMinutes time kept free after each booking
 * @param monthlyQuotaPerOrganisation bookings one borrowing organisation may make per month, {@code null} for no limit
 * @param cancellationNoticeHours how long before the start a confirmed booking may still be cancelled
 */
public record BookingRules(BookingMode mode, int minDurationMinutes, int maxDurationMinutes, int minNoticeHours,
		int maxAdvanceDays, int bufferBeforeMinutes, int bufferAfterMinutes, @Nullable Integer monthlyQuotaPerOrganisation,
		int cancellationNoticeHours) {

	/** Cancellation notice assumed for listings published before the notice existed in the contract. */
	public static final int DEFAULT_CANCELLATION_NOTICE_HOURS = 24;

}
