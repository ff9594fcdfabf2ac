package org.mutualis.booking.reservation;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.CostRecovery;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.listing.ListingStatus;
import org.mutualis.booking.listing.Title;
import org.mutualis.booking.listing.WeeklyWindow;
import org.mutualis.booking.organisation.OrganisationStatus;
import org.mutualis.booking.organisation.Organisations;
import org.mutualis.booking.reservation.application.BookingDecisions;
import org.mutualis.booking.reservation.application.OwnerBlocks;
import org.mutualis.booking.reservation.application.Reserving;
import org.mutualis.booking.reservation.application.Series;
import org.mutualis.booking.reservation.application.Waitlisting;
import org.mutualis.platform.security.Actor;
import org.mutualis.platform.test.TestActors;

/**
 * Fresh reservation objects for tests: an approval listing of organisation A (Toronto, every day 08:00–20:00,
 * capacity 5) and bookings of it by organisation B in their various states.
 */
public final class ReservationFixtures {

	private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	/** The third organisation's id. */
	public static final String THIRD_ORGANISATION = "5e1f00cc-0000-4000-8000-0000000000cc";

	private final ListingDirectory listings;

	private final Organisations organisations;

	private final Reserving reserving;

	private final BookingDecisions decisions;

	private final Bookings bookings;

	private final OwnerBlocks blocks;

	private final Series series;

	private final Waitlisting waitlisting;

	/**
	 * Creates the fixtures.
	 * @param listings listing read model
	 * @param organisations organisation read model
	 * @param reserving requests
	 * @param decisions decisions
	 * @param bookings stored bookings
	 * @param blocks owner blocks
	 * @param series series
	 * @param waitlisting waiting lists
	 */
	public ReservationFixtures(ListingDirectory listings, Organisations organisations, Reserving reserving,
			BookingDecisions decisions, Bookings bookings, OwnerBlocks blocks, Series series, Waitlisting waitlisting) {
		this.listings = listings;
		this.organisations = organisations;
		this.reserving = reserving;
		this.decisions = decisions;
		this.bookings = bookings;
		this.blocks = blocks;
		this.series = series;
		this.waitlisting = waitlisting;
	}

	/**
	 * A series body: three weekly occurrences ten days ahead 10:00–12:00.
	 * @param listingId the listing
	 * @return JSON
	 */
	public String seriesJson(String listingId) {
		return "{\"listingId\":\"" + listingId + "\",\"start\":\"" + at(10, 10) + "\",\"end\":\"" + at(10, 12)
				+ "\",\"occurrences\":3,\"acceptPrerequisites\":true}";
	}

	/** @return the id of a fresh series of two occurrences requested by B */
	public String seriesOfB() {
		BookableListing listing = listingOfA();
		return this.series.request(actor(TestActors.MEMBER_B), new Series.Request(listing.id(), at(10, 10), at(10, 12), 1,
				1, null, 2, true, null), null).seriesId();
	}

	/** @return a request body for a fresh listing of A whose time is fully taken by a third organisation */
	public String fullTimeJson() {
		BookableListing listing = listingOfA();
		this.reserving.request(thirdOrganisation(),
				new Reserving.Request(listing.id(), at(10, 10), at(10, 12), 5, true, null, null), null);
		return requestJson(listing.id());
	}

	/** @return a fresh waiting entry of B, behind a third organisation's booking */
	public WaitlistEntry waitingEntryOfB() {
		BookableListing listing = listingOfA();
		this.reserving.request(thirdOrganisation(),
				new Reserving.Request(listing.id(), at(10, 10), at(10, 12), 5, true, null, null), null);
		return this.waitlisting.join(actor(TestActors.MEMBER_B),
				new Reserving.Request(listing.id(), at(10, 10), at(10, 12), 1, true, null, null));
	}

	/** @return a fresh waiting-list offer made to B when a third organisation's booking was cancelled */
	public Booking offerToB() {
		BookableListing listing = listingOfA();
		Booking full = this.reserving.request(thirdOrganisation(),
				new Reserving.Request(listing.id(), at(10, 10), at(10, 12), 5, true, null, null), null).booking();
		WaitlistEntry entry = this.waitlisting.join(actor(TestActors.MEMBER_B),
				new Reserving.Request(listing.id(), at(10, 10), at(10, 12), 1, true, null, null));
		this.decisions.cancel(thirdOrganisation(), full.id(), "Plus besoin", null);
		return this.bookings.find(this.waitlisting.mine(actor(TestActors.MEMBER_B))
			.stream()
			.filter((e) -> e.id().equals(entry.id()))
			.findFirst()
			.orElseThrow()
			.bookingId()).orElseThrow();
	}

	/**
	 * A manager of a third approved organisation, which fills a listing's time so that B may wait for it (an
	 * organisation does not wait behind its own booking).
	 * @return the actor
	 */
	public Actor thirdOrganisation() {
		this.organisations.record(THIRD_ORGANISATION, OrganisationStatus.APPROVED, "Organisation C", "Culture",
				"Roussillon", "fr", Instant.now());
		return new Actor("manager-of-c", THIRD_ORGANISATION, Set.of(Actor.MANAGER));
	}

	/** @return a fresh published listing of organisation A, both organisations approved */
	public BookableListing listingOfA() {
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.APPROVED, "Organisation A", "Alimentation",
				"Roussillon", "fr", Instant.now());
		this.organisations.record(TestActors.ORG_B, OrganisationStatus.APPROVED, "Organisation B", "Culture",
				"Beauharnois-Salaberry", "en", Instant.now());
		List<WeeklyWindow> weekly = Arrays.stream(DayOfWeek.values())
			.map((day) -> new WeeklyWindow(day, LocalTime.of(8, 0), LocalTime.of(20, 0)))
			.toList();
		BookableListing listing = new BookableListing(UUID.randomUUID().toString(), TestActors.ORG_A,
				ListingStatus.PUBLISHED, "SPACE", new Title("Salle", "Room"), "Roussillon", 5, 5, BookingUnit.HOUR, TORONTO,
				weekly, List.of(), new BookingRules(BookingMode.APPROVAL, 60, 480, 0, 365, 0, 0, null, 24),
				new CostRecovery("RATE", new BigDecimal("25.00")), new BigDecimal("60.00"), List.of(), Instant.now());
		this.listings.record(listing);
		return listing;
	}

	/**
	 * A request body for a listing, ten days ahead 10:00–12:00 Toronto time.
	 * @param listingId the listing
	 * @return JSON
	 */
	public String requestJson(String listingId) {
		return "{\"listingId\":\"" + listingId + "\",\"start\":\"" + at(10, 10) + "\",\"end\":\"" + at(10, 12)
				+ "\",\"quantity\":1,\"acceptPrerequisites\":true}";
	}

	/** @return a fresh pending request of organisation B */
	public Booking requestedByB() {
		BookableListing listing = listingOfA();
		return this.reserving.request(actor(TestActors.MEMBER_B),
				new Reserving.Request(listing.id(), at(10, 10), at(10, 12), 1, true, "Assemblée", null), null).booking();
	}

	/** @return a fresh pending request of organisation B with a counter-proposal of A's manager */
	public Booking counterProposedToB() {
		Booking booking = requestedByB();
		return this.decisions.proposeOtherTime(actor(TestActors.MANAGER_A), booking.id(), at(11, 14), at(11, 16),
				"Le lendemain?", null);
	}

	/** @return a fresh booking of B, confirmed, that started an hour ago */
	public Booking startedConfirmedByB() {
		BookableListing listing = listingOfA();
		Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		BookingTerms terms = new BookingTerms(listing.id(), listing.title(), listing.kind(), listing.unit(),
				TORONTO.getId(), listing.mrc(), TestActors.ORG_A, "Organisation A", "fr", "Alimentation", TestActors.ORG_B,
				"Organisation B", "en", "Culture", BookingMode.INSTANT, "RATE", new BigDecimal("25.00"),
				new BigDecimal("60.00"), 24, 0, 0);
		Booking booking = Booking.request(UUID.randomUUID().toString(), terms, TestActors.MEMBER_B.personId(), 1,
				new TimeRange(start, start.plus(Duration.ofHours(2))), null, null, null,
				start.minus(Duration.ofDays(2)), Duration.ofHours(48));
		this.bookings.save(booking);
		return booking;
	}

	/** @return a proposal body: eleven days ahead 14:00–16:00 */
	public String proposalJson() {
		return "{\"start\":\"" + at(11, 14) + "\",\"end\":\"" + at(11, 16) + "\",\"message\":\"Plutôt l'après-midi\"}";
	}

	/** @return a block body: twelve days ahead 08:00–10:00 */
	public String blockJson() {
		return "{\"start\":\"" + at(12, 8) + "\",\"end\":\"" + at(12, 10) + "\",\"reason\":\"Entretien\"}";
	}

	/** @return listing id and block id of a fresh block of a fresh listing of A */
	public String[] blockOfA() {
		BookableListing listing = listingOfA();
		Hold hold = this.blocks.block(actor(TestActors.MANAGER_A), listing.id(), at(12, 8), at(12, 10), "Entretien");
		return new String[] { listing.id(), hold.id() };
	}

	/**
	 * A local time in Toronto some days ahead.
	 * @param daysAhead days from today
	 * @param hour local hour
	 * @return the instant
	 */
	public static Instant at(int daysAhead, int hour) {
		return ZonedDateTime.of(LocalDate.now(TORONTO).plusDays(daysAhead), LocalTime.of(hour, 0), TORONTO).toInstant();
	}

	/**
	 * The domain actor of a test actor.
	 * @param actor the test actor
	 * @return the actor
	 */
	public static Actor actor(TestActors actor) {
		String role = switch (actor) {
			case MEMBER_A, MEMBER_B -> Actor.MEMBER;
			case MANAGER_A, MANAGER_B -> Actor.MANAGER;
			case ADMIN -> Actor.ADMIN;
			case ANONYMOUS -> throw new IllegalArgumentException("anonymous has no actor");
		};
		return new Actor(actor.personId(), actor.organisation().orElse(null), Set.of(role));
	}

}
