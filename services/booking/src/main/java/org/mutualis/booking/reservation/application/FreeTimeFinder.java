package org.mutualis.booking.reservation.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.reservation.ListingOccupancy;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.PolicyResult;
import org.mutualis.booking.reservation.RequestRules;
import org.mutualis.booking.reservation.TimeRange;

import org.springframework.stereotype.Component;

/**
 * Finds the next start, after a refused one, at which the same duration and quantity would pass the listing's rules
 * and fit its occupancy: the {@code nextFreeStart} of a {@code slot-unavailable} refusal. It looks ahead
 * {@value #LOOK_AHEAD_DAYS} days on quarter hours; it is advice read at that moment, not a reservation.
 */
@Component
class FreeTimeFinder {

	static final int LOOK_AHEAD_DAYS = 14;

	private static final Duration STEP = Duration.ofMinutes(15);

	private final Occupancy occupancy;

	private final RequestRules rules = new RequestRules();

	FreeTimeFinder(Occupancy occupancy) {
		this.occupancy = occupancy;
	}

	Optional<Instant> nextFreeStart(BookableListing listing, TimeRange refused, int quantity, Instant now) {
		Duration before = Duration.ofMinutes(listing.rules().bufferBeforeMinutes());
		Duration after = Duration.ofMinutes(listing.rules().bufferAfterMinutes());
		Instant horizon = refused.start().plus(Duration.ofDays(LOOK_AHEAD_DAYS));
		ListingOccupancy occupied = this.occupancy.read(listing.id(),
				new TimeRange(refused.start().minus(before), horizon.plus(refused.duration()).plus(after)));
		for (Instant start = refused.start().plus(STEP); start.isBefore(horizon); start = start.plus(STEP)) {
			TimeRange candidate = refused.startingAt(start);
			if (occupied.fits(candidate.widened(before, after), quantity, listing.capacity())
					&& this.rules.checkTime(listing, candidate, now) instanceof PolicyResult.Allowed) {
				return Optional.of(start);
			}
		}
		return Optional.empty();
	}

}
