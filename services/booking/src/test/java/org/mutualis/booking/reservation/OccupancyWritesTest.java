package org.mutualis.booking.reservation;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The occupancy's compare-and-set writes, one by one: each reads only its own hold and its range's slots, so these
 * check that a hold is found again by its id among others (never taken twice), and that release and move act on it.
 */
class OccupancyWritesTest extends BookingTestSupport {

	@Autowired
	private Occupancy occupancy;

	@Test
	void aHoldIsTakenOnceFoundAgainByItsIdAndReleasedOnce() {
		String listing = UUID.randomUUID().toString();
		TimeRange morning = new TimeRange(at(9, 9, 0), at(9, 11, 0));
		TimeRange afternoon = new TimeRange(at(9, 14, 0), at(9, 16, 0));
		Hold other = new Hold("other", Hold.Kind.BOOKING, afternoon, 1, Instant.now(), null, null);
		Hold mine = new Hold("mine", Hold.Kind.BOOKING, morning, 2, Instant.now(), null, null);
		assertThat(this.occupancy.hold(listing, other, 3)).isEqualTo(HoldOutcome.HELD);
		assertThat(this.occupancy.hold(listing, mine, 3)).isEqualTo(HoldOutcome.HELD);

		assertThat(this.occupancy.hold(listing, mine, 3)).isEqualTo(HoldOutcome.ALREADY_HELD);
		assertThat(this.occupancy.hold(listing, new Hold("third", Hold.Kind.BOOKING, morning, 2, Instant.now(), null,
				null), 3)).isEqualTo(HoldOutcome.FULL);
		assertThat(this.occupancy.read(listing, morning).peak(morning)).isEqualTo(2);

		assertThat(this.occupancy.move(listing, "mine", new TimeRange(at(9, 13, 0), at(9, 15, 0)), 2, Instant.now()))
			.as("of two units, 14:00–15:00 has one left beside the other hold").isEqualTo(HoldOutcome.FULL);
		TimeRange later = new TimeRange(at(9, 10, 0), at(9, 12, 0));
		assertThat(this.occupancy.move(listing, "mine", later, 3, Instant.now())).isEqualTo(HoldOutcome.HELD);
		assertThat(this.occupancy.read(listing, morning).usedIn(Slots.first(morning))).isZero();
		assertThat(this.occupancy.read(listing, later).peak(later)).isEqualTo(2);

		assertThat(this.occupancy.release(listing, "mine")).isTrue();
		assertThat(this.occupancy.release(listing, "mine")).isFalse();
		assertThat(this.occupancy.read(listing, later).peak(later)).isZero();
		assertThat(this.occupancy.read(listing, afternoon).peak(afternoon)).isEqualTo(1);
		assertThat(this.occupancy.read(listing, afternoon).holds()).extracting(Hold::id).containsExactly("other");
	}

}
