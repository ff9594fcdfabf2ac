package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;

import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * When each transition of a booking may happen: the state it must stand in and, for the transitions bound to its
 * time, whether that time has come; a broken rule is the conflict answered to the caller.
 */
final class BookingLifecycle {

	private final CancellationPolicy cancellation = new CancellationPolicy();

	/**
	 * A decline needs a pending request.
	 * @param booking the booking
	 * @return the verdict
	 */
	PolicyResult pending(BookingState booking) {
		return (booking.status() == BookingStatus.REQUESTED) ? PolicyResult.ALLOWED : conflict("booking-not-pending");
	}

	/**
	 * A confirmation needs a pending request that is not an unaccepted waiting-list offer and has no counter-proposal.
	 * @param booking the booking
	 * @return the verdict
	 */
	PolicyResult confirmable(BookingState booking) {
		PolicyResult result = answerable(booking);
		if (result instanceof PolicyResult.Broken) {
			return result;
		}
		return (booking.proposal() == null) ? PolicyResult.ALLOWED : conflict("counter-proposal-pending");
	}

	/**
	 * A counter-proposal needs a pending request that is not an unaccepted waiting-list offer, and another time.
	 * @param booking the booking
	 * @param time the proposed time
	 * @return the verdict
	 */
	PolicyResult proposable(BookingState booking, TimeRange time) {
		PolicyResult result = answerable(booking);
		if (result instanceof PolicyResult.Broken) {
			return result;
		}
		return time.equals(new TimeRange(booking.start(), booking.end()))
				? new PolicyResult.Broken(Refusal.invalidField("same-time-proposed", "start")) : PolicyResult.ALLOWED;
	}

	/**
	 * Taking a waiting-list offer needs a pending offer.
	 * @param booking the booking
	 * @return the verdict
	 */
	PolicyResult offerAcceptable(BookingState booking) {
		PolicyResult result = pending(booking);
		if (result instanceof PolicyResult.Broken) {
			return result;
		}
		return booking.offerPending() ? PolicyResult.ALLOWED : conflict("no-waitlist-offer");
	}

	/**
	 * Accepting or declining a counter-proposal needs a pending request with one.
	 * @param booking the booking
	 * @return the verdict
	 */
	PolicyResult proposalAnswerable(BookingState booking) {
		PolicyResult result = pending(booking);
		if (result instanceof PolicyResult.Broken) {
			return result;
		}
		return (booking.proposal() != null) ? PolicyResult.ALLOWED : conflict("no-counter-proposal");
	}

	/**
	 * A request lapses once pending and past its expiry.
	 * @param booking the booking
	 * @param now the current time
	 * @return the verdict
	 */
	PolicyResult expirable(BookingState booking, Instant now) {
		PolicyResult result = pending(booking);
		if (result instanceof PolicyResult.Broken) {
			return result;
		}
		return (booking.expiresAt() == null || now.isBefore(booking.expiresAt())) ? conflict("booking-not-expired")
				: PolicyResult.ALLOWED;
	}

	/**
	 * A cancellation needs a pending or confirmed booking, and keeps the {@link CancellationPolicy}.
	 * @param booking the booking
	 * @param now the current time
	 * @return the verdict
	 */
	PolicyResult cancellable(BookingState booking, Instant now) {
		if (booking.status() != BookingStatus.REQUESTED && booking.status() != BookingStatus.CONFIRMED) {
			return conflict("booking-not-active");
		}
		return this.cancellation.check(booking, now);
	}

	/**
	 * A no-show is recorded for a confirmed booking once it has started.
	 * @param booking the booking
	 * @param now the current time
	 * @return the verdict
	 */
	PolicyResult noShowRecordable(BookingState booking, Instant now) {
		if (booking.status() != BookingStatus.CONFIRMED) {
			return conflict("booking-not-confirmed");
		}
		return now.isBefore(booking.start()) ? conflict("booking-not-started") : PolicyResult.ALLOWED;
	}

	/**
	 * A confirmed booking completes once it has ended.
	 * @param booking the booking
	 * @param now the current time
	 * @return the verdict
	 */
	PolicyResult completable(BookingState booking, Instant now) {
		if (booking.status() != BookingStatus.CONFIRMED) {
			return conflict("booking-not-confirmed");
		}
		return now.isBefore(booking.end()) ? conflict("booking-not-ended") : PolicyResult.ALLOWED;
	}

	/**
	 * A confirmed booking is announced once, from {@code lead} before its start until its start.
	 * @param booking the booking
	 * @param lead how long before the start reminders are due
	 * @param now the current time
	 * @return the verdict
	 */
	PolicyResult remindable(BookingState booking, Duration lead, Instant now) {
		boolean due = booking.status() == BookingStatus.CONFIRMED && booking.reminderSentAt() == null
				&& !now.isBefore(booking.start().minus(lead)) && now.isBefore(booking.start());
		return due ? PolicyResult.ALLOWED : conflict("reminder-not-due");
	}

	private PolicyResult answerable(BookingState booking) {
		PolicyResult result = pending(booking);
		if (result instanceof PolicyResult.Broken) {
			return result;
		}
		return booking.offerPending() ? conflict("offer-not-accepted") : PolicyResult.ALLOWED;
	}

	private static PolicyResult conflict(String code) {
		return new PolicyResult.Broken(Refusal.of(Reason.CONFLICT, code));
	}

}
