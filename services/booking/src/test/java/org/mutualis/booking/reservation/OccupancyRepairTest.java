package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.reservation.application.BookingJobs;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The repair job gives back what a crash left behind, and old occupancy is pruned without touching what matters. */
class OccupancyRepairTest extends BookingTestSupport {

	@Autowired
	private Occupancy occupancy;

	@Autowired
	private BookingJobs jobs;

	@Test
	void aHoldWhoseBookingNeverGotWrittenIsReleasedAfterTheGrace() {
		BookableListing listing = listingOfA(1, (l) -> l);
		TimeRange range = new TimeRange(at(9, 10, 0), at(9, 12, 0));
		Instant takenAt = Instant.now();
		// what a crash between the occupancy write and the booking write leaves: a hold without its booking
		assertThat(this.occupancy.hold(listing.id(), new Hold("never-written-" + listing.id(), Hold.Kind.BOOKING, range, 1,
				takenAt, null, null), 1)).isEqualTo(HoldOutcome.HELD);
		assertThat(this.occupancy.hold(listing.id(), new Hold("other-" + listing.id(), Hold.Kind.BOOKING, range, 1,
				takenAt, null, null), 1)).isEqualTo(HoldOutcome.FULL);
		this.jobs.repairHolds(takenAt.plusSeconds(30));
		assertThat(this.occupancy.read(listing.id(), range).peak(range)).isEqualTo(1);
		this.jobs.repairHolds(takenAt.plus(Duration.ofMinutes(3)));
		assertThat(this.occupancy.read(listing.id(), range).peak(range)).isZero();
		assertThat(this.occupancy.hold(listing.id(), new Hold("other-" + listing.id(), Hold.Kind.BOOKING, range, 1,
				takenAt, null, null), 1)).isEqualTo(HoldOutcome.HELD);
	}

	@Test
	void pruningForgetsWhatEndedLongAgoAndKeepsWhatMatters() {
		BookableListing listing = listingOfA(2, (l) -> l);
		Instant now = Instant.now();
		TimeRange old = new TimeRange(now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(20)).plusSeconds(3600));
		TimeRange spanning = new TimeRange(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(1)));
		TimeRange future = new TimeRange(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)).plusSeconds(3600));
		this.occupancy.hold(listing.id(), new Hold("old", Hold.Kind.BLOCK, old, 1, now, null, "x"), 2);
		this.occupancy.hold(listing.id(), new Hold("spanning", Hold.Kind.BLOCK, spanning, 1, now, null, "x"), 2);
		this.occupancy.hold(listing.id(), new Hold("future", Hold.Kind.BLOCK, future, 1, now, null, "x"), 2);
		assertThat(this.occupancy.prune(now.minus(Duration.ofDays(7)))).isEqualTo(1);
		Document document = this.mongo.getCollection("occupancy").find(new Document("_id", listing.id())).first();
		List<String> holds = document.getList("holds", Document.class).stream().map((h) -> h.getString("id")).toList();
		assertThat(holds).containsExactlyInAnyOrder("spanning", "future");
		assertThat(this.occupancy.read(listing.id(), old).peak(old)).isZero();
		// the spanning hold keeps its past slots: its counters stay balanced when it is released
		TimeRange spanningPast = new TimeRange(spanning.start(), spanning.start().plusSeconds(3600));
		assertThat(this.occupancy.read(listing.id(), spanningPast).peak(spanningPast)).isEqualTo(1);
		assertThat(this.occupancy.release(listing.id(), "spanning")).isTrue();
		assertThat(this.occupancy.read(listing.id(), spanning).peak(spanning)).isZero();
		assertThat(this.occupancy.hold(listing.id(), new Hold("more", Hold.Kind.BOOKING, future, 2, now, null, null), 2))
			.isEqualTo(HoldOutcome.FULL);
	}

}
