package org.mutualis.booking.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.CostRecovery;
import org.mutualis.booking.listing.ListingStatus;
import org.mutualis.booking.listing.Title;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.application.Reserving;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBookingsTest extends BookingTestSupport {

	private static final String[] OWNERS = { DemoBookings.LA_RUCHE, DemoBookings.LE_PHARE,
			DemoBookings.JARDINS_SOLIDAIRES };

	@Autowired
	private Bookings bookings;

	@Autowired
	private Occupancy occupancy;

	@Autowired
	private Reserving reserving;

	@Autowired
	private Clock clock;

	@Test
	void demoBookingsWaitForTheirListingsThenLoadOnce() {
		DemoBookings demo = new DemoBookings(this.listings, this.organisations, this.bookings, this.occupancy,
				this.reserving, this.clock);
		this.mongo.getCollection("listings").deleteMany(new Document("_id",
				new Document("$in", List.of(DemoBookings.listingId(0), DemoBookings.listingId(1), DemoBookings.listingId(2),
						DemoBookings.listingId(4), DemoBookings.listingId(5)))));
		if (this.bookings.find(bookingId(0)).isEmpty()) {
			assertThat(demo.load()).isEqualTo(DemoBookings.PLANS.size());
		}
		for (int rank : new int[] { 0, 1, 2, 4, 5 }) {
			this.listings.record(demoListing(rank));
		}
		assertThat(demo.load()).isZero();
		assertThat(demo.load()).isZero();
		List<String> statuses = new ArrayList<>();
		for (int rank = 0; rank < DemoBookings.PLANS.size(); rank++) {
			statuses.add(this.bookings.find(bookingId(rank)).orElseThrow().status().name());
		}
		assertThat(statuses).containsExactly("COMPLETED", "COMPLETED", "CONFIRMED", "CONFIRMED", "REQUESTED", "REQUESTED");
		assertThat(this.mongo.getCollection("bookings")
			.countDocuments(new Document("requesterId", "demo-data"))).isEqualTo(DemoBookings.PLANS.size());
	}

	private static String bookingId(int rank) {
		return java.util.UUID.nameUUIDFromBytes(("mutualis-demo-booking-" + rank).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
	}

	private static BookableListing demoListing(int rank) {
		return new BookableListing(DemoBookings.listingId(rank), OWNERS[rank % 3], ListingStatus.PUBLISHED, "SPACE",
				new Title("Salle " + rank, "Room " + rank), "Roussillon", 10, 10, BookingUnit.HOUR, TORONTO,
				Arrays.stream(DayOfWeek.values()).map((d) -> new org.mutualis.booking.listing.WeeklyWindow(d,
						LocalTime.of(8, 0), LocalTime.of(22, 0))).toList(),
				List.of(), new BookingRules(BookingMode.APPROVAL, 60, 480, 0, 365, 0, 0, null, 24),
				new CostRecovery("RATE", new BigDecimal("15.00")), new BigDecimal("40.00"), List.of(), Instant.now());
	}

}
