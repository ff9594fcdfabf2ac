package org.mutualis.booking.reservation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.config.BookingProperties;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingStatus;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.MonthlyQuotas;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A booking write that fails without saying whether it happened (a store that times out after applying it) must not
 * give the units back: the booking may exist, and its units would be free for someone else. Found by the booking
 * benchmark: under load, requests answered 503/500 had left bookings whose holds were released.
 */
class StoreFailureTest extends BookingTestSupport {

	@Autowired
	private Bookings bookings;

	@Autowired
	private Occupancy occupancy;

	@Autowired
	private MonthlyQuotas quotas;

	@Autowired
	private FreeTimeFinder finder;

	@Autowired
	private BookingProperties properties;

	@Autowired
	private Clock clock;

	@Autowired
	private BookingJobs jobs;

	@Test
	void aBookingWrittenDespiteTheErrorKeepsItsUnits() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		TimeRange range = new TimeRange(at(9, 10, 0), at(9, 12, 0));
		Bookings writesThenTimesOut = mock(Bookings.class, delegatesTo(this.bookings));
		doAnswer((call) -> {
			this.bookings.save(call.getArgument(0));
			throw new DataAccessResourceFailureException("Timeout while receiving message");
		}).when(writesThenTimesOut).save(any(Booking.class));

		assertThatThrownBy(() -> reserving(writesThenTimesOut).request(actor(TestActors.MEMBER_B), request(listing, range),
				null))
			.isInstanceOf(DataAccessResourceFailureException.class);

		Booking written = this.bookings.find(this.bookingIdHeld(listing, range)).orElseThrow();
		assertThat(written.status()).isEqualTo(BookingStatus.REQUESTED);
		assertThat(this.occupancy.read(listing.id(), range).peak(range)).isEqualTo(1);
		this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestJson(listing.id(), range.start(), range.end(), 1))).andExpect(status().isConflict());
		this.jobs.repairHolds(Instant.now().plus(Duration.ofMinutes(3)));
		assertThat(this.occupancy.read(listing.id(), range).peak(range)).as("the repair keeps a booking's hold")
			.isEqualTo(1);
	}

	@Test
	void aBookingNeverWrittenHasItsUnitsGivenBackByTheRepair() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		TimeRange range = new TimeRange(at(9, 14, 0), at(9, 15, 0));
		Bookings failing = mock(Bookings.class, delegatesTo(this.bookings));
		doAnswer((call) -> {
			throw new DataAccessResourceFailureException("Timed out while waiting for a server");
		}).when(failing).save(any(Booking.class));

		assertThatThrownBy(() -> reserving(failing).request(actor(TestActors.MEMBER_B), request(listing, range), null))
			.isInstanceOf(DataAccessResourceFailureException.class);

		assertThat(this.occupancy.read(listing.id(), range).peak(range)).as("kept until the repair knows").isEqualTo(1);
		this.jobs.repairHolds(Instant.now().plus(Duration.ofMinutes(3)));
		assertThat(this.occupancy.read(listing.id(), range).peak(range)).isZero();
		this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestJson(listing.id(), range.start(), range.end(), 1))).andExpect(status().isCreated());
	}

	private Reserving reserving(Bookings bookings) {
		return new Reserving(this.listings, this.organisations, bookings, this.occupancy, this.quotas, this.finder,
				this.properties, this.clock);
	}

	private static Reserving.Request request(BookableListing listing, TimeRange range) {
		return new Reserving.Request(listing.id(), range.start(), range.end(), 1, true, null, null);
	}

	private String bookingIdHeld(BookableListing listing, TimeRange range) {
		return this.occupancy.read(listing.id(), range).holds().get(0).id();
	}

}
