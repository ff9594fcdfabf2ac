package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/** A request arrives at least the minimum notice before its start, and starts no later than the maximum advance. */
public final class LeadTimePolicy {

	/**
	 * Checks a range.
	 * @param listing the listing
	 * @param range the requested time
	 * @param now the current time
	 * @return the verdict
	 */
	public PolicyResult check(BookableListing listing, TimeRange range, Instant now) {
		if (range.start().isBefore(now)) {
			return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "start-in-past").with("now", now.toString()));
		}
		Instant earliest = now.plus(Duration.ofHours(listing.rules().minNoticeHours()));
		if (range.start().isBefore(earliest)) {
			return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "notice-too-short", listing.rules().minNoticeHours())
				.with("earliestStart", earliest.toString()));
		}
		Instant latest = now.plus(Duration.ofDays(listing.rules().maxAdvanceDays()));
		if (range.start().isAfter(latest)) {
			return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "too-far-ahead", listing.rules().maxAdvanceDays())
				.with("latestStart", latest.toString()));
		}
		return PolicyResult.ALLOWED;
	}

}
