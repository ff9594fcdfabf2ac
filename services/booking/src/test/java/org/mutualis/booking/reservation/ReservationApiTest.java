package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.listing.Blackout;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.organisation.OrganisationStatus;
import org.mutualis.booking.reservation.application.BookingJobs;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class ReservationApiTest extends BookingTestSupport {

	@Autowired
	private BookingJobs jobs;

	@Autowired
	private Occupancy occupancy;

	@Test
	void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheSameBookingAndCreatesOne() throws Exception {
		BookableListing listing = listingOfA(3, (l) -> l);
		String key = UUID.randomUUID().toString();
		String body = requestJson(listing.id(), at(9, 10, 0), at(9, 12, 0), 1);
		MvcResult first = this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
		MvcResult retry = this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(retry.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(retry).get("id").asString()).isEqualTo(body(first).get("id").asString());
		assertThat(bookingsOf(listing)).isEqualTo(1);
	}

	@Test
	void concurrentRetriesWithOneKeyCreateOneBooking() throws Exception {
		BookableListing listing = listingOfA(5, (l) -> l);
		String key = UUID.randomUUID().toString();
		String body = requestJson(listing.id(), at(9, 14, 0), at(9, 15, 0), 1);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
					.header("Idempotency-Key", key)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)).andReturn().getResponse();
			}));
		}
		start.countDown();
		Set<String> ids = new HashSet<>();
		int created = 0;
		for (Future<MockHttpServletResponse> answer : answers) {
			MockHttpServletResponse response = answer.get(60, TimeUnit.SECONDS);
			assertThat(response.getStatus()).as(response.getContentAsString()).isIn(200, 201);
			created += (response.getStatus() == 201) ? 1 : 0;
			ids.add(this.json.readTree(response.getContentAsString()).get("id").asString());
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
		assertThat(created).isEqualTo(1);
		assertThat(bookingsOf(listing)).isEqualTo(1);
	}

	@Test
	void aRetryWithTheSameKeyButAnotherBodyIsRefusedAndChangesNothing() throws Exception {
		BookableListing listing = listingOfA(3, (l) -> l);
		BookableListing other = listingOfA(3, (l) -> l);
		String key = UUID.randomUUID().toString();
		MvcResult first = withKey(key, requestJson(listing.id(), at(9, 10, 0), at(9, 12, 0), 1), "fr-CA");
		assertThat(first.getResponse().getStatus()).isEqualTo(201);

		for (String otherBody : List.of(requestJson(listing.id(), at(9, 13, 0), at(9, 14, 0), 1),
				requestJson(listing.id(), at(9, 10, 0), at(9, 12, 0), 2), requestJson(other.id(), at(9, 10, 0), at(9, 12, 0), 1))) {
			MvcResult reused = withKey(key, otherBody, "en");
			assertThat(reused.getResponse().getStatus()).as(otherBody).isEqualTo(422);
			assertThat(problem(reused)).isEqualTo("idempotency-key-reused");
			assertThat(body(reused).get("detail").asString()).contains("already used for another request");
			assertThat(body(reused).get("messages").get("fr").asString()).contains("déjà servi pour une autre demande");
		}

		assertThat(bookingsOf(listing)).isEqualTo(1);
		assertThat(bookingsOf(other)).isZero();
		assertThat(this.occupancy.read(listing.id(), new TimeRange(at(9, 10, 0), at(9, 14, 0))).holds()).hasSize(1);
		assertThat(this.occupancy.read(other.id(), new TimeRange(at(9, 10, 0), at(9, 12, 0))).peak(
				new TimeRange(at(9, 10, 0), at(9, 12, 0)))).isZero();
		MvcResult sameAgain = withKey(key, requestJson(listing.id(), at(9, 10, 0), at(9, 12, 0), 1), "fr-CA");
		assertThat(sameAgain.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(sameAgain).get("id").asString()).isEqualTo(body(first).get("id").asString());
	}

	@Test
	void concurrentRetriesWithOneKeyAndTwoBodiesCreateOneBookingAndLeaveNoOtherUnitsTaken() throws Exception {
		BookableListing one = listingOfA(5, (l) -> l);
		BookableListing two = listingOfA(5, (l) -> l);
		TimeRange range = new TimeRange(at(9, 16, 0), at(9, 17, 0));
		String key = UUID.randomUUID().toString();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String body = requestJson(((i % 2) == 0) ? one.id() : two.id(), range.start(), range.end(), 1);
			answers.add(pool.submit(() -> {
				start.await();
				return this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
					.header("Idempotency-Key", key)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)).andReturn().getResponse();
			}));
		}
		start.countDown();
		int created = 0;
		int reused = 0;
		for (Future<MockHttpServletResponse> answer : answers) {
			MockHttpServletResponse response = answer.get(60, TimeUnit.SECONDS);
			assertThat(response.getStatus()).as(response.getContentAsString()).isIn(200, 201, 409, 422);
			created += (response.getStatus() == 201) ? 1 : 0;
			reused += (response.getStatus() == 422) ? 1 : 0;
		}
		pool.shutdown();
		assertThat(created).isEqualTo(1);
		assertThat(reused).isGreaterThanOrEqualTo(1);
		assertThat(bookingsOf(one) + bookingsOf(two)).isEqualTo(1);
		BookableListing booked = (bookingsOf(one) == 1) ? one : two;
		BookableListing notBooked = (booked == one) ? two : one;
		assertThat(this.occupancy.read(booked.id(), range).peak(range)).isEqualTo(1);
		assertThat(this.occupancy.read(notBooked.id(), range).peak(range)).as("no units left taken by a refused retry")
			.isZero();
	}

	@Test
	void aFieldLeftOutNullMalformedOrUnknownIsNamedInTheProblemAndNothingIsBooked() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		long bookings = this.mongo.getCollection("bookings").countDocuments();
		MvcResult result = this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestJson(listing.id(), at(9, 10, 0), at(9, 11, 0), 1).replace("\"" + listing.id() + "\"",
					"null")))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(problem(result)).isEqualTo("invalid-request");
		assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo("listingId");
		// the yes/no answer to the prerequisites left out, null, or not a yes/no, and a misspelt name: each named, and
		// said which
		String json = requestJson(listing.id(), at(9, 10, 0), at(9, 11, 0), 1);
		String accepted = "\"acceptPrerequisites\":true";
		assertThat(json).contains("," + accepted);
		List<List<String>> refusals = List.of(
				List.of(json.replace("," + accepted, ""), "acceptPrerequisites", "This field is required."),
				List.of(json.replace(accepted, "\"acceptPrerequisites\":null"), "acceptPrerequisites",
						"This field is required."),
				List.of(json.replace(accepted, "\"acceptPrerequisites\":\"yes\""), "acceptPrerequisites",
						"This value does not have the right format."),
				// a number or a text is not a yes/no (Jackson would read 1 and "true" as true)
				List.of(json.replace(accepted, "\"acceptPrerequisites\":1"), "acceptPrerequisites",
						"This value does not have the right format."),
				List.of(json.replace(accepted, "\"acceptPrerequisites\":0.0"), "acceptPrerequisites",
						"This value does not have the right format."),
				List.of(json.replace(accepted, "\"acceptPrerequisites\":\"true\""), "acceptPrerequisites",
						"This value does not have the right format."),
				List.of(json.replace(accepted, "\"acceptPrerequisites\":\"\""), "acceptPrerequisites",
						"This value does not have the right format."),
				// a fraction or a text is not a whole number of units (Jackson would book 1 for 1.5, 2 for "2"), and
				// a number is not a message
				List.of(json.replace("\"quantity\":1", "\"quantity\":1.5"), "quantity",
						"This value does not have the right format."),
				List.of(json.replace("\"quantity\":1", "\"quantity\":\"2\""), "quantity",
						"This value does not have the right format."),
				List.of(json.replace("\"message\":\"Pour notre assemblée\"", "\"message\":123"), "message",
						"This value does not have the right format."),
				// nor a number an instant (Jackson would read seconds since 1970)
				List.of(json.replaceFirst("\"start\":\"[^\"]+\"", "\"start\":1796000000"), "start",
						"This value does not have the right format."),
				List.of(json.replace(accepted, accepted + ",\"acceptedPrerequisites\":true"), "acceptedPrerequisites",
						"This field is not accepted."));
		for (List<String> refusal : refusals) {
			MvcResult refused = this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(refusal.get(0))).andReturn();
			assertThat(refused.getResponse().getStatus()).as(refusal.get(0)).isEqualTo(400);
			assertThat(problem(refused)).isEqualTo("unreadable-body");
			JsonNode error = body(refused).get("errors").get(0);
			assertThat(error.get("field").asString()).as(refusal.get(0)).isEqualTo(refusal.get(1));
			assertThat(error.get("message").asString()).as(refusal.get(0)).isEqualTo(refusal.get(2));
		}
		assertThat(this.mongo.getCollection("bookings").countDocuments()).isEqualTo(bookings);
	}

	@Test
	void anOrganisationAwaitingApprovalMayNotBook() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		this.organisations.record(TestActors.ORG_B, OrganisationStatus.REGISTERED, null, null, null, null, Instant.now());
		MvcResult result = request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 11, 0), 1);
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(result).get("type").asString()).isEqualTo("urn:mutualis:problem:organisation-not-approved");
	}

	@Test
	void aFullSlotIsRefusedWithTheNextFreeStart() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> withRules(l, new BookingRules(BookingMode.INSTANT, 60, 480, 0,
				365, 0, 30, null, 24)));
		assertThat(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 12, 0), 1).getResponse().getStatus())
			.isEqualTo(201);
		// 12:00–12:30 is the buffer after the first booking
		MvcResult refused = request(TestActors.MANAGER_B, listing, at(9, 12, 0), at(9, 13, 0), 1);
		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		JsonNode problem = body(refused);
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:slot-unavailable");
		assertThat(problem.get("nextFreeStart").asString()).isEqualTo(at(9, 12, 30).toString());
		assertThat(problem.get("messages").get("en").asString()).contains("no longer free");
		assertThat(request(TestActors.MANAGER_B, listing, at(9, 12, 30), at(9, 13, 30), 1).getResponse().getStatus())
			.isEqualTo(201);
	}

	@Test
	void eachRuleRefusesWithItsOwnProblem() throws Exception {
		LocalDate closed = LocalDate.now(TORONTO).plusDays(20);
		BookableListing listing = listingOfA(2, (l) -> new BookableListing(l.id(), l.ownerOrganisationId(), l.status(),
				l.kind(), l.title(), l.mrc(), 1, 2, l.unit(), l.timeZone(), l.weekly(),
				List.of(new Blackout(closed, closed, "Inventaire")),
				new BookingRules(BookingMode.APPROVAL, 60, 180, 48, 60, 0, 0, 1, 24), l.costRecovery(),
				l.marketValuePerUnit(), l.prerequisites(), l.changedAt()));
		assertThat(problem(request(TestActors.MEMBER_B, listing, at(20, 10, 0), at(20, 11, 0), 1))).isEqualTo("blackout");
		assertThat(problem(request(TestActors.MEMBER_B, listing, at(9, 19, 0), at(9, 21, 0), 1)))
			.isEqualTo("outside-opening-hours");
		assertThat(problem(request(TestActors.MEMBER_B, listing, at(9, 10, 10), at(9, 11, 10), 1))).isEqualTo("not-in-unit");
		assertThat(problem(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 14, 0), 1)))
			.isEqualTo("duration-too-long");
		MvcResult shortNotice = request(TestActors.MEMBER_B, listing, at(1, 10, 0), at(1, 11, 0), 1);
		assertThat(problem(shortNotice)).isEqualTo("notice-too-short");
		assertThat(body(shortNotice).get("messages").get("en").asString())
			.isEqualTo("The request must arrive at least 48 hours before the start.");
		assertThat(problem(request(TestActors.MEMBER_B, listing, at(-1, 10, 0), at(-1, 11, 0), 1)))
			.isEqualTo("start-in-past");
		assertThat(problem(request(TestActors.MEMBER_B, listing, at(70, 10, 0), at(70, 11, 0), 1))).isEqualTo("too-far-ahead");
		assertThat(problem(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 11, 0), 2)))
			.isEqualTo("quantity-too-large");
		assertThat(problem(request(TestActors.MEMBER_A, listing, at(9, 10, 0), at(9, 11, 0), 1))).isEqualTo("own-listing");
		// quota of one booking a month, counted in the listing's time zone
		assertThat(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 11, 0), 1).getResponse().getStatus())
			.isEqualTo(201);
		MvcResult quota = request(TestActors.MANAGER_B, listing, at(9, 14, 0), at(9, 15, 0), 1);
		assertThat(problem(quota)).isEqualTo("monthly-quota-reached");
		assertThat(quota.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(quota).get("monthlyQuota").asInt()).isEqualTo(1);
	}

	@Test
	void ownerConfirmsAndCancellationRespectsTheNotice() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> withRules(l,
				new BookingRules(BookingMode.APPROVAL, 60, 480, 0, 365, 0, 0, null, 24 * 30)));
		String id = body(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 12, 0), 1)).get("id").asString();
		assertThat(this.mvc.perform(post("/api/bookings/" + id + "/confirm").with(TestActors.MEMBER_A.token()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		MvcResult confirmed = this.mvc.perform(post("/api/bookings/" + id + "/confirm").with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.IF_MATCH, "\"0\"")).andReturn();
		assertThat(body(confirmed).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
		MvcResult upcoming = this.mvc.perform(get("/api/bookings?view=upcoming&size=100").with(TestActors.MEMBER_B.token()))
			.andReturn();
		assertThat(body(upcoming).get("items").findValuesAsString("id")).contains(id);
		// confirmed inside its 30-day notice: the borrower may still undo it within the hour (BookingTest: not after)
		MvcResult undone = this.mvc.perform(post("/api/bookings/" + id + "/cancel").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Imprévu\"}")).andReturn();
		assertThat(body(undone).get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void aDeclinedRequestFreesItsTime() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		String id = body(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 12, 0), 1)).get("id").asString();
		assertThat(problem(request(TestActors.MANAGER_B, listing, at(9, 11, 0), at(9, 12, 0), 1)))
			.isEqualTo("slot-unavailable");
		MvcResult incoming = this.mvc.perform(get("/api/bookings/incoming?size=100").with(TestActors.MANAGER_A.token()))
			.andReturn();
		assertThat(body(incoming).get("items").findValuesAsString("id")).contains(id);
		this.mvc.perform(post("/api/bookings/" + id + "/decline").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Salle en rénovation\"}"));
		assertThat(request(TestActors.MANAGER_B, listing, at(9, 11, 0), at(9, 12, 0), 1).getResponse().getStatus())
			.isEqualTo(201);
	}

	@Test
	void anAcceptedCounterProposalMovesTheUnitsAndConfirms() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		String id = body(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 12, 0), 1)).get("id").asString();
		MvcResult proposed = this.mvc.perform(post("/api/bookings/" + id + "/counter-proposal")
			.with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(9, 14, 0) + "\",\"end\":\"" + at(9, 16, 0) + "\",\"message\":\"L’après-midi?\"}"))
			.andReturn();
		assertThat(body(proposed).get("proposal").get("start").asString()).isEqualTo(at(9, 14, 0).toString());
		MvcResult accepted = this.mvc.perform(post("/api/bookings/" + id + "/counter-proposal/accept")
			.with(TestActors.MEMBER_B.token())).andReturn();
		assertThat(body(accepted).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(body(accepted).get("start").asString()).isEqualTo(at(9, 14, 0).toString());
		assertThat(request(TestActors.MANAGER_B, listing, at(9, 10, 0), at(9, 12, 0), 1).getResponse().getStatus())
			.isEqualTo(201);
		assertThat(problem(request(TestActors.MANAGER_B, listing, at(9, 15, 0), at(9, 16, 0), 1)))
			.isEqualTo("slot-unavailable");
	}

	@Test
	void availabilityShowsBusyTimeAndTheBatchAnswersWhichListingsCanTakeAQuantity() throws Exception {
		BookableListing small = listingOfA(1, (l) -> l);
		BookableListing large = listingOfA(4, (l) -> l);
		request(TestActors.MEMBER_B, small, at(9, 10, 0), at(9, 12, 0), 1);
		request(TestActors.MEMBER_B, large, at(9, 10, 0), at(9, 12, 0), 2);
		String day = LocalDate.now(TORONTO).plusDays(9).toString();
		JsonNode calendar = body(this.mvc.perform(get("/api/bookings/listings/" + large.id() + "/availability?from=" + day
				+ "&to=" + LocalDate.parse(day).plusDays(1)).with(TestActors.MEMBER_B.token())).andReturn());
		assertThat(calendar.get("timeZone").asString()).isEqualTo("America/Toronto");
		List<String> states = new ArrayList<>();
		calendar.get("intervals").forEach((i) -> states.add(i.get("localStart").asString().substring(11, 16) + " "
				+ i.get("state").asString() + " " + i.get("remaining").asInt()));
		assertThat(states).containsExactly("00:00 CLOSED 0", "08:00 FREE 4", "10:00 PARTLY_BOOKED 2", "12:00 FREE 4",
				"20:00 CLOSED 0");
		String batch = "{\"listingIds\":[\"%s\",\"%s\",\"unknown\"],\"quantity\":2,\"start\":\"%s\",\"end\":\"%s\"}"
			.formatted(small.id(), large.id(), at(9, 11, 0), at(9, 12, 0));
		JsonNode answer = body(this.mvc.perform(post("/api/bookings/availability").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(batch)).andReturn());
		assertThat(answer.get("available").get(0).asString()).isEqualTo(large.id());
		assertThat(answer.get("unavailable").get(small.id()).asString()).isEqualTo("QUANTITY");
		assertThat(answer.get("unavailable").get("unknown").asString()).isEqualTo("UNKNOWN");
		// a parameter left out is named
		MvcResult noEnd = this.mvc.perform(get("/api/bookings/listings/" + large.id() + "/availability?from=" + day)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.with(TestActors.MEMBER_B.token())).andReturn();
		assertThat(noEnd.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noEnd).get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(body(noEnd).get("errors").get(0).get("message").asString()).isEqualTo("This field is required.");
	}

	@Test
	void anOwnerBlockKeepsRequestsOutAndNeedsAFreePeriod() throws Exception {
		BookableListing listing = listingOfA(3, (l) -> l);
		MvcResult block = this.mvc.perform(post("/api/bookings/listings/" + listing.id() + "/blocks")
			.with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(9, 8, 0) + "\",\"end\":\"" + at(9, 10, 0) + "\",\"reason\":\"Entretien\"}"))
			.andReturn();
		assertThat(block.getResponse().getStatus()).isEqualTo(201);
		assertThat(problem(request(TestActors.MEMBER_B, listing, at(9, 9, 0), at(9, 11, 0), 1))).isEqualTo("slot-unavailable");
		request(TestActors.MEMBER_B, listing, at(9, 12, 0), at(9, 13, 0), 1);
		MvcResult busy = this.mvc.perform(post("/api/bookings/listings/" + listing.id() + "/blocks")
			.with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(9, 12, 0) + "\",\"end\":\"" + at(9, 14, 0) + "\",\"reason\":\"Usage interne\"}"))
			.andReturn();
		assertThat(problem(busy)).isEqualTo("period-not-free");
	}

	@Test
	void aCounterProposalOfATakenTimeIsRefusedWithTheNextFreeStart() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		String id = body(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 12, 0), 1)).get("id").asString();
		request(TestActors.MANAGER_B, listing, at(9, 14, 0), at(9, 16, 0), 1);
		MvcResult taken = this.mvc.perform(post("/api/bookings/" + id + "/counter-proposal")
			.with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(9, 15, 0) + "\",\"end\":\"" + at(9, 17, 0) + "\"}"))
			.andReturn();
		assertThat(taken.getResponse().getStatus()).isEqualTo(409);
		assertThat(problem(taken)).isEqualTo("slot-unavailable");
		assertThat(body(taken).get("nextFreeStart").asString()).isEqualTo(at(9, 16, 0).toString());
		// nothing proposed; the booking's own time, moved by an hour, overlaps only itself and may be proposed
		assertThat(body(this.mvc.perform(get("/api/bookings/" + id).with(TestActors.MEMBER_B.token())).andReturn())
			.get("proposal")
			.isNull()).isTrue();
		MvcResult own = this.mvc.perform(post("/api/bookings/" + id + "/counter-proposal")
			.with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(9, 11, 0) + "\",\"end\":\"" + at(9, 13, 0) + "\"}"))
			.andReturn();
		assertThat(own.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void underAMonthlyQuotaACounterProposalStaysInTheRequestedMonth() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> withRules(l,
				new BookingRules(BookingMode.APPROVAL, 60, 480, 0, 365, 0, 0, 3, 24)));
		LocalDate today = LocalDate.now(TORONTO);
		int requested = (int) java.time.temporal.ChronoUnit.DAYS.between(today, today.plusMonths(1).withDayOfMonth(10));
		int nextMonth = (int) java.time.temporal.ChronoUnit.DAYS.between(today, today.plusMonths(2).withDayOfMonth(10));
		String id = body(request(TestActors.MEMBER_B, listing, at(requested, 10, 0), at(requested, 11, 0), 1)).get("id")
			.asString();
		MvcResult otherMonth = this.mvc.perform(post("/api/bookings/" + id + "/counter-proposal")
			.with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(nextMonth, 10, 0) + "\",\"end\":\"" + at(nextMonth, 11, 0) + "\"}"))
			.andReturn();
		assertThat(otherMonth.getResponse().getStatus()).isEqualTo(422);
		assertThat(problem(otherMonth)).isEqualTo("proposal-other-quota-month");
		MvcResult sameMonth = this.mvc.perform(post("/api/bookings/" + id + "/counter-proposal")
			.with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(requested + 1, 10, 0) + "\",\"end\":\"" + at(requested + 1, 11, 0) + "\"}"))
			.andReturn();
		assertThat(sameMonth.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void instantsOutsideTheCalendarsLongOrPastBlocksAndNullBatchIdsAreRefusedAndChangeNothing() throws Exception {
		BookableListing listing = listingOfA(3, (l) -> l);
		long bookings = this.mongo.getCollection("bookings").countDocuments();
		for (String[] range : List.of(new String[] { "-999999999-01-01T00:00:00Z", "-999999999-01-01T02:00:00Z", "start" },
				new String[] { at(9, 10, 0).toString(), "+999999999-12-31T22:00:00Z", "end" },
				new String[] { "1999-12-31T10:00:00Z", "1999-12-31T12:00:00Z", "start" })) {
			String json = "{\"listingId\":\"" + listing.id() + "\",\"start\":\"" + range[0] + "\",\"end\":\"" + range[1]
					+ "\",\"quantity\":1,\"acceptPrerequisites\":true}";
			MvcResult refused = this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(json)).andReturn();
			assertThat(refused.getResponse().getStatus()).as(json).isEqualTo(400);
			assertThat(problem(refused)).isEqualTo("time-out-of-range");
			assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo(range[2]);
			MvcResult block = this.mvc.perform(post("/api/bookings/listings/" + listing.id() + "/blocks")
				.with(TestActors.MANAGER_A.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"start\":\"" + range[0] + "\",\"end\":\"" + range[1] + "\",\"reason\":\"x\"}"))
				.andReturn();
			assertThat(block.getResponse().getStatus()).isEqualTo(400);
			MvcResult batch = this.mvc.perform(post("/api/bookings/availability").with(TestActors.MEMBER_B.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"listingIds\":[\"" + listing.id() + "\"],\"quantity\":1,\"start\":\"" + range[0]
						+ "\",\"end\":\"" + range[1] + "\"}"))
				.andReturn();
			assertThat(batch.getResponse().getStatus()).isEqualTo(400);
		}
		// a block of years would make every slot a counter of the listing's occupancy: at most 31 days
		MvcResult tooLong = this.mvc.perform(post("/api/bookings/listings/" + listing.id() + "/blocks")
			.with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + at(9, 0, 0) + "\",\"end\":\"" + at(9, 0, 0).plus(java.time.Duration.ofDays(32))
					+ "\",\"reason\":\"Fermé\"}"))
			.andReturn();
		assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
		assertThat(problem(tooLong)).isEqualTo("block-too-long");
		MvcResult past = this.mvc.perform(post("/api/bookings/listings/" + listing.id() + "/blocks")
			.with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\":\"" + Instant.now().minus(java.time.Duration.ofDays(2)) + "\",\"end\":\""
					+ Instant.now().minus(java.time.Duration.ofDays(1)) + "\",\"reason\":\"Passé\"}"))
			.andReturn();
		assertThat(past.getResponse().getStatus()).isEqualTo(400);
		assertThat(problem(past)).isEqualTo("block-in-past");
		assertThat(body(tooLong).get("detail").asString()).contains("31 days");
		assertThat(this.mongo.getCollection("bookings").countDocuments()).isEqualTo(bookings);
		assertThat(body(this.mvc.perform(get("/api/bookings/listings/" + listing.id() + "/blocks")
			.with(TestActors.MANAGER_A.token())).andReturn())).isEmpty();
		// a null among the batch's ids is named, not a failure to write the answer
		MvcResult nullId = this.mvc.perform(post("/api/bookings/availability").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"listingIds\":[null],\"quantity\":1,\"start\":\"" + at(9, 10, 0) + "\",\"end\":\""
					+ at(9, 11, 0) + "\"}"))
			.andReturn();
		assertThat(nullId.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(nullId).get("errors").get(0).get("field").asString()).startsWith("listingIds[0]");
	}

	@Test
	void aConstraintOfTheRequestIsWordedForPeopleInBothLanguages() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		String json = requestJson(listing.id(), at(9, 10, 0), at(9, 11, 0), 1)
			.replace("Pour notre assemblée", "x".repeat(2001));
		for (String[] language : List.of(new String[] { "en", "At most 2,000 characters." },
				new String[] { "fr-CA", "Au plus 2\u00a0000 caractères." })) {
			MvcResult refused = this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
				.header(HttpHeaders.ACCEPT_LANGUAGE, language[0])
				.contentType(MediaType.APPLICATION_JSON)
				.content(json)).andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(400);
			JsonNode error = body(refused).get("errors").get(0);
			assertThat(error.get("field").asString()).isEqualTo("message");
			// French groups thousands with a (narrow) no-break space, depending on the JDK's locale data
			assertThat(error.get("message").asString().replace('\u202f', '\u00a0')).isEqualTo(language[1]);
		}
	}

	@Test
	void aPageFarPastTheEndIsEmptyEvenWhereItsOffsetWrapsRound() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 12, 0), 1);
		for (String view : List.of("upcoming", "pending")) {
			JsonNode first = body(this.mvc.perform(get("/api/bookings?view=" + view + "&size=100&page=0")
				.with(TestActors.MEMBER_B.token())).andReturn());
			for (String page : List.of("1", "42949673", "2147483647")) {
				JsonNode answer = body(this.mvc.perform(get("/api/bookings?view=" + view + "&size=100&page=" + page)
					.with(TestActors.MEMBER_B.token())).andReturn());
				assertThat(answer.get("items")).as(view + " " + page).isEmpty();
				assertThat(answer.get("total").asLong()).isEqualTo(first.get("total").asLong());
			}
		}
		assertThat(body(this.mvc.perform(get("/api/bookings?view=pending&size=100&page=0")
			.with(TestActors.MEMBER_B.token())).andReturn()).get("total").asLong()
				+ body(this.mvc.perform(get("/api/bookings?view=upcoming&size=100&page=0")
					.with(TestActors.MEMBER_B.token())).andReturn()).get("total").asLong()).isPositive();
	}

	@Test
	void unansweredRequestsExpireAndFreeTheirTime() throws Exception {
		BookableListing listing = listingOfA(1, (l) -> l);
		String id = body(request(TestActors.MEMBER_B, listing, at(9, 10, 0), at(9, 12, 0), 1)).get("id").asString();
		assertThat(this.jobs.expireDue(Instant.now())).isGreaterThanOrEqualTo(0);
		assertThat(status(id)).isEqualTo("REQUESTED");
		this.jobs.expireDue(Instant.now().plus(Duration.ofHours(49)));
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(request(TestActors.MANAGER_B, listing, at(9, 10, 0), at(9, 12, 0), 1).getResponse().getStatus())
			.isEqualTo(201);
	}

	private MvcResult withKey(String key, String body, String language) throws Exception {
		return this.mvc.perform(post("/api/bookings").with(TestActors.MEMBER_B.token())
			.header("Idempotency-Key", key)
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private MvcResult request(TestActors who, BookableListing listing, Instant start, Instant end, int quantity)
			throws Exception {
		return this.mvc.perform(post("/api/bookings").with(who.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestJson(listing.id(), start, end, quantity))).andReturn();
	}

	private String problem(MvcResult result) throws Exception {
		assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		return body(result).get("type").asString().replace("urn:mutualis:problem:", "");
	}

	private String status(String id) {
		return this.mongo.getCollection("bookings").find(new Document("_id", id)).first().getString("status");
	}

	private long bookingsOf(BookableListing listing) {
		return this.mongo.getCollection("bookings").countDocuments(new Document("terms.listingId", listing.id()));
	}

}
