package org.mutualis.booking.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.organisation.Organisation;
import org.mutualis.booking.organisation.OrganisationStatus;
import org.mutualis.booking.organisation.Organisations;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingStatus;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.Hold;
import org.mutualis.booking.reservation.HoldOutcome;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.booking.reservation.application.Reserving;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Loads demonstration bookings between the three demo organisations when {@code mutualis.demo.enabled=true}: two
 * completed in the past (so the ledger and the impact figures show something), one under way now, one confirmed and
 * one pending in the coming days. They use listings' demo listings, which reach booking through Kafka after the
 * start: the loader retries every 15 seconds until each one is known. Booking ids derive from their rank, so a
 * second start (or a second instance) adds nothing. Their events go out like any booking's.
 */
@Component
@ConditionalOnProperty(name = "mutualis.demo.enabled", havingValue = "true")
class DemoBookings {

	static final String LA_RUCHE = "5e1f0001-0000-4000-8000-000000000001";

	static final String LE_PHARE = "5e1f0002-0000-4000-8000-000000000002";

	static final String JARDINS_SOLIDAIRES = "5e1f0003-0000-4000-8000-000000000003";

	private static final String DEMO_PERSON = "demo-data";

	private static final Logger log = LoggerFactory.getLogger(DemoBookings.class);

	/** What each demo booking is: listings' demo listing rank, borrower, day from today, local start hour, hours. */
	static final List<Plan> PLANS = List.of(new Plan(1, LA_RUCHE, -14, 10, 3, BookingStatus.COMPLETED),
			new Plan(0, JARDINS_SOLIDAIRES, -7, 13, 2, BookingStatus.COMPLETED),
			new Plan(2, LE_PHARE, 0, -1, 3, BookingStatus.CONFIRMED),
			new Plan(4, JARDINS_SOLIDAIRES, 10, 9, 4, BookingStatus.CONFIRMED),
			new Plan(5, LA_RUCHE, 5, 18, 3, BookingStatus.REQUESTED),
			new Plan(0, LE_PHARE, 3, 9, 2, BookingStatus.REQUESTED));

	private final ListingDirectory listings;

	private final Organisations organisations;

	private final Bookings bookings;

	private final Occupancy occupancy;

	private final Reserving reserving;

	private final Clock clock;

	private volatile boolean complete;

	DemoBookings(ListingDirectory listings, Organisations organisations, Bookings bookings, Occupancy occupancy,
			Reserving reserving, Clock clock) {
		this.listings = listings;
		this.organisations = organisations;
		this.bookings = bookings;
		this.occupancy = occupancy;
		this.reserving = reserving;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 10_000, fixedDelay = 15_000)
	void loadWhenListingsAreKnown() {
		if (!this.complete) {
			this.complete = load() == 0;
		}
	}

	/**
	 * Creates the demo bookings whose listing is known and that do not exist yet.
	 * @return how many still wait for their listing
	 */
	int load() {
		int waiting = 0;
		int created = 0;
		for (int rank = 0; rank < PLANS.size(); rank++) {
			Plan plan = PLANS.get(rank);
			String id = UUID.nameUUIDFromBytes(("mutualis-demo-booking-" + rank).getBytes(StandardCharsets.UTF_8))
				.toString();
			if (this.bookings.find(id).isPresent()) {
				continue;
			}
			Optional<BookableListing> listing = this.listings.find(listingId(plan.listingRank()));
			if (listing.isEmpty()) {
				waiting++;
				continue;
			}
			if (create(id, plan, listing.get())) {
				created++;
			}
		}
		if (created > 0 || waiting > 0) {
			log.info("demo bookings: {} created, {} waiting for their listing", created, waiting);
		}
		return waiting;
	}

	private boolean create(String id, Plan plan, BookableListing listing) {
		Instant now = this.clock.instant();
		TimeRange range = range(plan, listing, now);
		Organisation borrower = this.organisations.find(plan.borrower())
			.orElse(new Organisation(plan.borrower(), null, OrganisationStatus.APPROVED, null, null,
					Organisation.DEFAULT_LANGUAGE));
		Booking booking = Booking.request(id, this.reserving.terms(listing, borrower), DEMO_PERSON, 1, range,
				"Réservation de démonstration", null, null, now, Duration.ofHours(48));
		if (plan.status() != BookingStatus.REQUESTED && booking.status() == BookingStatus.REQUESTED) {
			booking.confirm(DEMO_PERSON, now);
		}
		if (plan.status() == BookingStatus.COMPLETED) {
			booking.complete(now);
		}
		else if (this.occupancy.hold(listing.id(), new Hold(id, Hold.Kind.BOOKING, booking.occupied(), 1, now, null, null),
				listing.capacity()) != HoldOutcome.HELD) {
			return false;
		}
		try {
			this.bookings.save(booking);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// another instance loaded it meanwhile
			return false;
		}
	}

	private static TimeRange range(Plan plan, BookableListing listing, Instant now) {
		ZonedDateTime start;
		if (plan.startHour() < 0) {
			// under way now: started on the last whole hour
			start = now.atZone(listing.timeZone())
				.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
				.plusHours(plan.startHour() + 1);
		}
		else {
			start = ZonedDateTime.of(LocalDate.ofInstant(now, listing.timeZone()).plusDays(plan.dayOffset()),
					LocalTime.of(plan.startHour(), 0), listing.timeZone());
		}
		return new TimeRange(start.toInstant(), start.plusHours(plan.hours()).toInstant());
	}

	/**
	 * The id listings' demo data gives its listing of a rank.
	 * @param rank the rank
	 * @return the listing id
	 */
	static String listingId(int rank) {
		return UUID.nameUUIDFromBytes(("mutualis-demo-listing-" + rank).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * One demo booking.
	 * @param listingRank rank of the listings demo listing
	 * @param borrower borrowing organisation
	 * @param dayOffset days from today (negative: in the past)
	 * @param startHour local start hour; negative for "under way now"
	 * @param hours length in hours
	 * @param status the state it is left in
	 */
	record Plan(int listingRank, String borrower, int dayOffset, int startHour, int hours, BookingStatus status) {
	}

}
