package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;

import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * A booking can be cancelled until its start; a confirmed one only until the listing's cancellation notice before
 * its start (a pending request can be withdrawn until the start) — or, when it was confirmed inside that notice, for
 * {@link #LATE_CONFIRMATION_GRACE} after its confirmation.
 */
public final class CancellationPolicy {

	/** How long a booking confirmed inside its cancellation notice may still be cancelled after its confirmation. */
	public static final Duration LATE_CONFIRMATION_GRACE = Duration.ofHours(1);

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
			// confirmed when the notice had already passed (an instant booking made close to its start): it could
			// never have been cancelled at all; a mistake may still be undone for a short while after
			if (state.changedAt().isAfter(latest) && now.isBefore(state.changedAt().plus(LATE_CONFIRMATION_GRACE))) {
				return PolicyResult.ALLOWED;
			}
			if (now.isAfter(latest)) {
				return new PolicyResult.Broken(Refusal
					.of(Reason.UNPROCESSABLE, "cancellation-notice-passed", state.terms().cancellationNoticeHours())
					.with("latestCancellation", latest.toString()));
			}
		}
		return PolicyResult.ALLOWED;
	}

}
