package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.reservation.application.BookingDecisions;
import org.mutualis.booking.reservation.application.BookingJobs;
import org.mutualis.booking.reservation.application.OwnerBlocks;
import org.mutualis.booking.reservation.application.Reserving;
import org.mutualis.booking.reservation.application.Series;
import org.mutualis.booking.reservation.application.Waitlisting;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code mutualis.bookings} counter counts each stored transition and each refusal for a taken time. */
class BookingOutcomesTest extends BookingTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private Reserving reserving;

	@Autowired
	private BookingDecisions decisions;

	@Autowired
	private BookingJobs jobs;

	@Autowired
	private Bookings bookings;

	@Autowired
	private OwnerBlocks blocks;

	@Autowired
	private Series series;

	@Autowired
	private Waitlisting waitlisting;

	@Test
	void eachOutcomeIsCountedOnceWithItsTag() {
		BookableListing approval = listingOfA(1, (l) -> l);
		BookableListing instant = listingOfA(1, (l) -> withRules(l, new BookingRules(BookingMode.INSTANT, 60, 480, 0,
				365, 0, 0, null, 24)));
		Map<BookingOutcome, Double> before = counts();

		Booking declined = request(approval, 9);
		this.decisions.decline(actor(TestActors.MANAGER_A), declined.id(), "Fermé ce jour-là", null);
		Booking cancelled = request(instant, 9);
		assertThatThrownBy(() -> request(instant, 9)).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.type()).isEqualTo("slot-unavailable"));
		this.decisions.cancel(actor(TestActors.MEMBER_B), cancelled.id(), "Plus besoin", null);
		Booking expiring = request(approval, 10);

		Map<BookingOutcome, Double> after = counts();
		assertThat(delta(before, after, BookingOutcome.REQUESTED)).isEqualTo(3);
		assertThat(delta(before, after, BookingOutcome.CONFIRMED)).as("the instant one").isEqualTo(1);
		assertThat(delta(before, after, BookingOutcome.DECLINED)).isEqualTo(1);
		assertThat(delta(before, after, BookingOutcome.CANCELLED)).isEqualTo(1);
		assertThat(delta(before, after, BookingOutcome.CONFLICT)).isEqualTo(1);
		assertThat(delta(before, after, BookingOutcome.NO_SHOW)).isZero();

		this.jobs.expireDue(Instant.now().plus(Duration.ofDays(3)));
		assertThat(this.bookings.find(expiring.id()).orElseThrow().status()).isEqualTo(BookingStatus.EXPIRED);
		assertThat(delta(after, counts(), BookingOutcome.EXPIRED)).isGreaterThanOrEqualTo(1);
		Booking started = fixtures().startedConfirmedByB();
		Map<BookingOutcome, Double> beforeNoShow = counts();
		this.decisions.recordNoShow(actor(TestActors.MANAGER_A), started.id(), null);
		assertThat(delta(beforeNoShow, counts(), BookingOutcome.NO_SHOW)).isEqualTo(1);
		Booking ended = fixtures().startedConfirmedByB();
		Map<BookingOutcome, Double> beforeCompletion = counts();
		this.jobs.completeDue(Instant.now().plus(Duration.ofHours(4)));
		assertThat(this.bookings.find(ended.id()).orElseThrow().status()).isEqualTo(BookingStatus.COMPLETED);
		assertThat(delta(beforeCompletion, counts(), BookingOutcome.COMPLETED)).isGreaterThanOrEqualTo(1);
	}

	private ReservationFixtures fixtures() {
		return new ReservationFixtures(this.listings, this.organisations, this.reserving, this.decisions, this.bookings,
				this.blocks, this.series, this.waitlisting);
	}

	private Booking request(BookableListing listing, int daysAhead) {
		return this.reserving.request(actor(TestActors.MEMBER_B), new Reserving.Request(listing.id(),
				at(daysAhead, 10, 0), at(daysAhead, 11, 0), 1, true, null, null), null).booking();
	}

	private Map<BookingOutcome, Double> counts() {
		Map<BookingOutcome, Double> counts = new EnumMap<>(BookingOutcome.class);
		for (BookingOutcome outcome : BookingOutcome.values()) {
			Counter counter = this.meters.find(BookingOutcome.METRIC).tag(BookingOutcome.TAG, outcome.tag()).counter();
			assertThat(counter).as(outcome.tag()).isNotNull();
			counts.put(outcome, counter.count());
		}
		return counts;
	}

	private static double delta(Map<BookingOutcome, Double> before, Map<BookingOutcome, Double> after,
			BookingOutcome outcome) {
		return after.get(outcome) - before.get(outcome);
	}

}
