package org.mutualis.booking;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
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
import org.mutualis.platform.security.Actor;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * One shared application context for the reservation tests, with organisations A and B approved and listings of
 * organisation A recorded in the read model as listings' events would.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithInfrastructure
public abstract class BookingTestSupport {

	/** Time zone of the test listings. */
	protected static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected ListingDirectory listings;

	@Autowired
	protected Organisations organisations;

	@BeforeEach
	void approveOrganisations() {
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.APPROVED, "Organisation A", "Alimentation",
				"Roussillon", "fr", Instant.now());
		this.organisations.record(TestActors.ORG_B, OrganisationStatus.APPROVED, "Organisation B", "Culture",
				"Beauharnois-Salaberry", "en", Instant.now());
	}

	/**
	 * A published listing of organisation A, open every day 08:00–20:00 in Toronto, approval mode, no buffers,
	 * no quota, one hour minimum, eight hours maximum, no notice, a year ahead, 25 $ an hour.
	 * @param capacity units that exist (and that one booking may take)
	 * @param changes adjustments of the listing
	 * @return the recorded listing
	 */
	protected BookableListing listingOfA(int capacity, UnaryOperator<BookableListing> changes) {
		List<WeeklyWindow> weekly = Arrays.stream(DayOfWeek.values())
			.map((day) -> new WeeklyWindow(day, LocalTime.of(8, 0), LocalTime.of(20, 0)))
			.toList();
		BookableListing listing = new BookableListing(UUID.randomUUID().toString(), TestActors.ORG_A,
				ListingStatus.PUBLISHED, "SPACE", new Title("Salle du test", "Test room"), "Roussillon", capacity,
				capacity, BookingUnit.HOUR, TORONTO, weekly, List.of(),
				new BookingRules(BookingMode.APPROVAL, 60, 480, 0, 365, 0, 0, null, 24),
				new CostRecovery("RATE", new BigDecimal("25.00")), new BigDecimal("60.00"), List.of(), Instant.now());
		BookableListing changed = changes.apply(listing);
		this.listings.record(changed);
		return changed;
	}

	/**
	 * The same listing with other booking rules.
	 * @param listing a listing
	 * @param rules the rules
	 * @return the changed listing
	 */
	protected static BookableListing withRules(BookableListing listing, BookingRules rules) {
		return new BookableListing(listing.id(), listing.ownerOrganisationId(), listing.status(), listing.kind(),
				listing.title(), listing.mrc(), listing.bookableAtOnce(), listing.capacity(), listing.unit(),
				listing.timeZone(), listing.weekly(), listing.blackouts(), rules, listing.costRecovery(),
				listing.marketValuePerUnit(), listing.prerequisites(), listing.changedAt());
	}

	/**
	 * A local time in Toronto some days ahead.
	 * @param daysAhead days from today
	 * @param hour local hour
	 * @param minute local minute
	 * @return the instant
	 */
	protected static Instant at(int daysAhead, int hour, int minute) {
		return ZonedDateTime.of(LocalDate.now(TORONTO).plusDays(daysAhead), LocalTime.of(hour, minute), TORONTO).toInstant();
	}

	/**
	 * A booking request body.
	 * @param listingId the listing
	 * @param start start
	 * @param end end
	 * @param quantity units
	 * @return JSON
	 */
	protected static String requestJson(String listingId, Instant start, Instant end, int quantity) {
		return """
				{"listingId":"%s","start":"%s","end":"%s","quantity":%d,"acceptPrerequisites":true,"message":"Pour notre assemblée"}"""
			.formatted(listingId, start, end, quantity);
	}

	/**
	 * The domain actor of a test actor.
	 * @param actor the test actor
	 * @return the actor as the token states it
	 */
	protected static Actor actor(TestActors actor) {
		String role = switch (actor) {
			case MEMBER_A, MEMBER_B -> Actor.MEMBER;
			case MANAGER_A, MANAGER_B -> Actor.MANAGER;
			case ADMIN -> Actor.ADMIN;
			case ANONYMOUS -> throw new IllegalArgumentException("anonymous has no actor");
		};
		return new Actor(actor.personId(), actor.organisation().orElse(null), Set.of(role));
	}

	/**
	 * Reads a response body.
	 * @param result the result
	 * @return its JSON
	 * @throws Exception when unreadable
	 */
	protected JsonNode body(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
