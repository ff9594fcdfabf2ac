package org.mutualis.booking.reservation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * A booking lasts between the listing's minimum and maximum duration. For {@link BookingUnit#DAY} listings, a day
 * counts whole: the maximum allows {@code max(1, maxDurationMinutes / 1440)} days.
 */
public final class DurationPolicy {

	private static final int MINUTES_PER_DAY = 1440;

	/**
	 * Checks a range.
	 * @param listing the listing
	 * @param range the requested time
	 * @return the verdict
	 */
	public PolicyResult check(BookableListing listing, TimeRange range) {
		BookingRules rules = listing.rules();
		if (listing.unit() == BookingUnit.DAY) {
			long days = days(listing, range);
			long maxDays = Math.max(1, rules.maxDurationMinutes() / MINUTES_PER_DAY);
			return (days <= maxDays) ? PolicyResult.ALLOWED : new PolicyResult.Broken(
					Refusal.of(Reason.UNPROCESSABLE, "duration-too-long", maxDays * MINUTES_PER_DAY)
						.with("maxDays", maxDays));
		}
		long minutes = range.duration().toMinutes();
		if (minutes < rules.minDurationMinutes()) {
			return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "duration-too-short", rules.minDurationMinutes())
				.with("minDurationMinutes", rules.minDurationMinutes()));
		}
		if (minutes > rules.maxDurationMinutes()) {
			return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "duration-too-long", rules.maxDurationMinutes())
				.with("maxDurationMinutes", rules.maxDurationMinutes()));
		}
		return PolicyResult.ALLOWED;
	}

	/**
	 * Counts the local days a range touches.
	 * @param listing the listing, for its time zone
	 * @param range the range
	 * @return the number of days, at least 1
	 */
	public static long days(BookableListing listing, TimeRange range) {
		LocalDate first = LocalDate.ofInstant(range.start(), listing.timeZone());
		LocalDate last = LocalDate.ofInstant(range.end().minusNanos(1), listing.timeZone());
		return ChronoUnit.DAYS.between(first, last) + 1;
	}

}
