package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.organisation.OrganisationStatus;
import org.mutualis.booking.reservation.application.BookingDecisions;
import org.mutualis.booking.reservation.application.BookingJobs;
import org.mutualis.booking.reservation.application.Reserving;
import org.mutualis.booking.reservation.application.Waitlisting;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class SeriesAndWaitlistTest extends BookingTestSupport {

	@Autowired
	private Waitlisting waitlisting;

	@Autowired
	private BookingDecisions decisions;

	@Autowired
	private BookingJobs jobs;

	@Test
	void aSeriesSkipsAndListsConflictingOccurrencesAndIsCancelledFromADate() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		this.mvc.perform(post("/api/bookings").with(TestActors.MANAGER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestJson(listing.id(), at(17, 10, 0), at(17, 12, 0), 1)));
		MvcResult created = this.mvc.perform(post("/api/bookings/series").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"listingId":"%s","start":"%s","end":"%s","everyWeeks":1,"occurrences":4,"acceptPrerequisites":true}"""
				.formatted(listing.id(), at(10, 10, 0), at(10, 12, 0)))).andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		JsonNode series = body(created);
		assertThat(series.get("booked")).hasSize(3);
		assertThat(series.get("skipped")).hasSize(1);
		assertThat(series.get("skipped").get(0).get("start").asString()).isEqualTo(at(17, 10, 0).toString());
		assertThat(series.get("skipped").get(0).get("problem").asString()).isEqualTo("slot-unavailable");
		String seriesId = series.get("seriesId").asString();
		// a member of the owning organisation may cancel none of them: the series is refused, not each occurrence
		MvcResult forbidden = this.mvc.perform(post("/api/bookings/series/" + seriesId + "/cancel")
			.with(TestActors.MEMBER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Entretien\"}")).andReturn();
		assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
		JsonNode cancelled = body(this.mvc.perform(post("/api/bookings/series/" + seriesId + "/cancel")
			.with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Fin du projet\",\"from\":\"" + at(24, 0, 0) + "\"}")).andReturn());
		// occurrences on days 10, 24 and 31 were booked (17 was taken); from day 24 on, two are cancelled
		assertThat(cancelled.get("booked")).hasSize(2);
		assertThat(cancelled.get("booked").get(0).get("start").asString()).isEqualTo(at(24, 10, 0).toString());
		assertThat(cancelled.get("booked").get(1).get("start").asString()).isEqualTo(at(31, 10, 0).toString());
		List<String> statuses = new ArrayList<>();
		this.mongo.getCollection("bookings")
			.find(new Document("seriesId", seriesId))
			.sort(new Document("start", 1))
			.forEach((d) -> statuses.add(d.getString("status")));
		assertThat(statuses).containsExactly("REQUESTED", "CANCELLED", "CANCELLED");
	}

	@Test
	void aSeriesKeepsItsLocalTimeAcrossTheDaylightSavingChange() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		// the spring-forward Sunday in Toronto is 2027-03-14; a Thursday series at 10:00 local crosses it
		LocalDate first = LocalDate.of(2027, 3, 4);
		assumeTrue(first.isAfter(LocalDate.now(TORONTO).plusDays(1)) && first.isBefore(LocalDate.now(TORONTO).plusDays(300)),
				"the 2027 change is within the listing's booking horizon");
		Instant start = ZonedDateTime.of(first, java.time.LocalTime.of(10, 0), TORONTO).toInstant();
		JsonNode series = body(this.mvc.perform(post("/api/bookings/series").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"listingId":"%s","start":"%s","end":"%s","until":"2027-03-25","acceptPrerequisites":true}"""
				.formatted(listing.id(), start, start.plus(Duration.ofHours(2))))).andReturn());
		assertThat(series.get("booked")).hasSize(4);
		List<String> localStarts = new ArrayList<>();
		series.get("booked").forEach((b) -> localStarts.add(b.get("localStart").asString()));
		assertThat(localStarts).containsExactly("2027-03-04T10:00:00", "2027-03-11T10:00:00", "2027-03-18T10:00:00",
				"2027-03-25T10:00:00");
		Instant beforeChange = Instant.parse(series.get("booked").get(1).get("start").asString());
		Instant afterChange = Instant.parse(series.get("booked").get(2).get("start").asString());
		assertThat(Duration.between(beforeChange, afterChange)).isEqualTo(Duration.ofDays(7).minusHours(1));
		assertThat(LocalDateTime.ofInstant(afterChange, TORONTO).getHour()).isEqualTo(10);
	}

	@Test
	void aSeriesRetriedWithItsKeyBooksNothingMoreAndTheKeyForAnotherSeriesIsRefused() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		String key = "serie-" + UUID.randomUUID();
		String body = """
				{"listingId":"%s","start":"%s","end":"%s","everyWeeks":1,"occurrences":%d,"acceptPrerequisites":true}""";
		MvcResult first = this.mvc.perform(post("/api/bookings/series").with(TestActors.MEMBER_B.token())
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(listing.id(), at(10, 10, 0), at(10, 11, 0), 2))).andReturn();
		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		String seriesId = body(first).get("seriesId").asString();
		MvcResult retried = this.mvc.perform(post("/api/bookings/series").with(TestActors.MEMBER_B.token())
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(listing.id(), at(10, 10, 0), at(10, 11, 0), 2))).andReturn();
		assertThat(retried.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(retried).get("seriesId").asString()).isEqualTo(seriesId);
		assertThat(body(retried).get("booked").findValuesAsString("id"))
			.isEqualTo(body(first).get("booked").findValuesAsString("id"));
		for (int occurrences : List.of(3, 1)) {
			MvcResult other = this.mvc.perform(post("/api/bookings/series").with(TestActors.MEMBER_B.token())
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(listing.id(), at(10, 10, 0), at(10, 11, 0), occurrences))).andReturn();
			assertThat(other.getResponse().getStatus()).isEqualTo(422);
			assertThat(body(other).get("type").asString()).isEqualTo("urn:mutualis:problem:idempotency-key-reused");
		}
		assertThat(this.mongo.getCollection("bookings").countDocuments(new Document("seriesId", seriesId))).isEqualTo(2);
	}

	@Test
	void theTimeLeftByAnAcceptedCounterProposalIsOfferedToTheWaitingList() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> withRules(l,
				new BookingRules(BookingMode.APPROVAL, 60, 480, 0, 365, 0, 0, null, 24)));
		String id = body(this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestJson(listing.id(), at(12, 10, 0), at(12, 11, 0), 1))).andReturn()).get("id").asString();
		Actor waiting = approvedActor("org-w-" + listing.id());
		WaitlistEntry entry = this.waitlisting.join(waiting,
				new Reserving.Request(listing.id(), at(12, 10, 0), at(12, 11, 0), 1, true, null, null));
		this.mvc.perform(post("/api/bookings/" + id + "/counter-proposal").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(12, 14, 0) + "\",\"end\":\"" + at(12, 15, 0) + "\"}"));
		MvcResult accepted = this.mvc.perform(post("/api/bookings/" + id + "/counter-proposal/accept")
			.with(TestActors.MEMBER_B.token())).andReturn();
		assertThat(body(accepted).get("status").asString()).isEqualTo("CONFIRMED");
		Document offered = this.mongo.getCollection("waitlist").find(new Document("_id", entry.id())).first();
		assertThat(offered.getString("status")).isEqualTo("OFFERED");
	}

	@Test
	void aSeriesEndingBeforeItsFirstOccurrenceIsAMistakeNotASeriesOfNone() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		Instant start = at(9, 10, 0);
		MvcResult refused = this.mvc.perform(post("/api/bookings/series").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"listingId":"%s","start":"%s","end":"%s","until":"%s","acceptPrerequisites":true}"""
				.formatted(listing.id(), start, start.plus(Duration.ofHours(1)), LocalDate.now(TORONTO).plusDays(8))))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(refused).get("type").asString()).isEqualTo("urn:mutualis:problem:until-before-start");
		assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("until");
	}

	@Test
	void freedTimeIsOfferedToTheFirstWaitingOrganisationAndPassesOnWhenTheOfferLapses() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		Actor first = approvedActor("org-c-" + listing.id());
		Actor second = approvedActor("org-d-" + listing.id());
		Reserving.Request wanted = new Reserving.Request(listing.id(), at(12, 10, 0), at(12, 11, 0), 1, true, null, null);
		assertThatThrownBy(() -> this.waitlisting.join(first, wanted))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.type()).isEqualTo("slot-available"));
		String taken = body(this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestJson(listing.id(), at(12, 9, 0), at(12, 12, 0), 1))).andReturn()).get("id").asString();
		// the organisation holding the time does not wait behind its own request
		assertThatThrownBy(() -> this.waitlisting.join(actor(TestActors.MEMBER_B), wanted))
			.isInstanceOfSatisfying(Refusal.class, (r) -> {
				assertThat(r.type()).isEqualTo("own-booking-holds-time");
				assertThat(r.properties()).containsEntry("bookingId", taken);
			});
		WaitlistEntry firstEntry = this.waitlisting.join(first, wanted);
		// one place in the line per organisation and time
		assertThatThrownBy(() -> this.waitlisting.join(first, wanted)).isInstanceOfSatisfying(Refusal.class, (r) -> {
			assertThat(r.type()).isEqualTo("already-waiting");
			assertThat(r.properties()).containsEntry("entryId", firstEntry.id());
		});
		WaitlistEntry secondEntry = this.waitlisting.join(second, wanted);

		this.mvc.perform(post("/api/bookings/" + taken + "/cancel").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Plus besoin\"}"));
		Document offered = this.mongo.getCollection("waitlist").find(new Document("_id", firstEntry.id())).first();
		assertThat(offered.getString("status")).isEqualTo("OFFERED");
		String offerId = offered.getString("bookingId");
		Document offer = this.mongo.getCollection("bookings").find(new Document("_id", offerId)).first();
		assertThat(offer.getString("status")).isEqualTo("REQUESTED");
		// an offer not yet accepted says so, and is not among the owner's requests to decide
		assertThat(body(this.mvc.perform(get("/api/bookings/" + offerId).with(TestActors.MANAGER_A.token())).andReturn())
			.get("offerPending")
			.asBoolean()).isTrue();
		assertThat(body(this.mvc.perform(get("/api/bookings/incoming?size=100").with(TestActors.MANAGER_A.token()))
			.andReturn()).get("items").findValuesAsString("id")).doesNotContain(offerId);
		assertThat(offer.getBoolean("offerPending")).isTrue();
		assertThat(this.mongo.getCollection("waitlist").find(new Document("_id", secondEntry.id())).first()
			.getString("status")).isEqualTo("WAITING");
		assertThatThrownBy(() -> this.decisions.confirm(ReservationFixtures.actor(TestActors.MANAGER_A), offerId, null))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.type()).isEqualTo("offer-not-accepted"));

		// the first organisation lets its offer lapse: the time passes to the second
		this.jobs.expireDue(Instant.now().plus(Duration.ofHours(25)));
		assertThat(this.mongo.getCollection("bookings").find(new Document("_id", offerId)).first().getString("status"))
			.isEqualTo("EXPIRED");
		Document passedOn = this.mongo.getCollection("waitlist").find(new Document("_id", secondEntry.id())).first();
		assertThat(passedOn.getString("status")).isEqualTo("OFFERED");
		Booking accepted = this.waitlisting.acceptOffer(second, passedOn.getString("bookingId"));
		assertThat(accepted.status()).isEqualTo(BookingStatus.REQUESTED);
		assertThat(accepted.isOfferPending()).isFalse();
		Booking confirmed = this.decisions.confirm(ReservationFixtures.actor(TestActors.MANAGER_A), accepted.id(), null);
		assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
	}

	private Actor approvedActor(String organisation) {
		this.organisations.record(organisation, OrganisationStatus.APPROVED, "Organisation " + organisation, null, null,
				"fr", Instant.now());
		return new Actor("person-of-" + organisation, organisation, Set.of(Actor.MEMBER));
	}

}
