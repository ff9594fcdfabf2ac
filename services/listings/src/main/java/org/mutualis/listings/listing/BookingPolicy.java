package org.mutualis.listings.listing;

import org.jspecify.annotations.Nullable;

/**
 * The rules a booking of the resource must follow; the booking service enforces them.
 *
 * @param mode instant or with approval
 * @param minDurationMinutes shortest booking
 * @param maxDurationMinutes longest booking
 * @param minNoticeHours how long before the start a request must arrive
 * @param maxAdvanceDays how far ahead one may book
 * @param bufferBeforeMinutes time kept free before each booking
 * @param bufferAfterMinutes time kept free after each booking
 * @param monthlyQuotaPerOrganisation bookings a borrowing organisation may make per month, unlimited if absent
 * @param cancellationNoticeHours how many hours before the start a borrower may still cancel;
 * {@value #DEFAULT_CANCELLATION_NOTICE_HOURS} when not given
 */
public record BookingPolicy(BookingMode mode, int minDurationMinutes, int maxDurationMinutes, int minNoticeHours,
		int maxAdvanceDays, int bufferBeforeMinutes, int bufferAfterMinutes,
		@Nullable Integer monthlyQuotaPerOrganisation, Integer cancellationNoticeHours) {

	/** Cancellation notice of a listing whose owner names none, and of listings stored before it existed. */
	public static final int DEFAULT_CANCELLATION_NOTICE_HOURS = 24;

	public BookingPolicy {
		cancellationNoticeHours = (cancellationNoticeHours != null) ? cancellationNoticeHours
				: DEFAULT_CANCELLATION_NOTICE_HOURS;
	}

}
