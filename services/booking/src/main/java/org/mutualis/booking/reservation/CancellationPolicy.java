package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;

import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * A booking can be cancelled until its start; a confirmed one only until the listing's cancellation notice before
 * its start (a pending request can be withdrawn until the start).
 */
public final class CancellationPolicy {

	/**
	 * Checks a cancellation.
	 * @param state the booking
	 * @param now the current time
	 * @return the verdict
	 */
	public PolicyResult check(BookingState state, Instant now) {
		if (!now.isBefore(state.start())) {
			return new PolicyResult.Broken(Refusal.of(Reason.CONFLICT, "booking-started"));
		}
		if (state.status() == BookingStatus.CONFIRMED) {
			Instant latest = state.start().minus(Duration.ofHours(state.terms().cancellationNoticeHours()));
			if (now.isAfter(latest)) {
				return new PolicyResult.Broken(Refusal
					.of(Reason.UNPROCESSABLE, "cancellation-notice-passed", state.terms().cancellationNoticeHours())
					.with("latestCancellation", latest.toString()));
			}
		}
		return PolicyResult.ALLOWED;
	}

}
