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
 */
public record BookingPolicy(BookingMode mode, int minDurationMinutes, int maxDurationMinutes, int minNoticeHours,
		int maxAdvanceDays, int bufferBeforeMinutes, int bufferAfterMinutes,
		@Nullable Integer monthlyQuotaPerOrganisation) {
}
