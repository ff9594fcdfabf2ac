package org.mutualis.booking.calendar;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.ProjectionTestSupport;
import org.mutualis.booking.calendar.messaging.CalendarBookingEvents;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Calendar feeds through the HTTP API: secret addresses that managers create, rotate and revoke. */
class CalendarFeedApiTest extends ProjectionTestSupport {

	@Autowired
	private CalendarBookingEvents events;

	@Test
	void anOrganisationFeedShowsItsBookingsAsBorrowerAndAsOwnerToAnyoneWithTheAddress() throws Exception {
		String borrowed = UUID.randomUUID().toString();
		String lent = UUID.randomUUID().toString();
		String elsewhere = UUID.randomUUID().toString();
		this.events.apply(event("confirmed", Map.of("bookingId", borrowed, "borrowerOrganisationId", TestActors.ORG_A)));
		this.events.apply(event("requested", Map.of("bookingId", lent, "ownerOrganisationId", TestActors.ORG_A)));
		this.events.apply(event("cancelled", Map.of("bookingId", lent, "ownerOrganisationId", TestActors.ORG_A,
				"occurredAt", "2026-11-23T15:00:00Z")));
		this.events.apply(event("confirmed", Map.of("bookingId", elsewhere)));

		JsonNode feed = create(TestActors.MANAGER_A, "{\"scope\":\"ORGANISATION\"}");
		String path = feed.get("path").asString();
		assertThat(path).startsWith("/api/bookings/calendar/feeds/").endsWith(".ics");

		MvcResult result = this.mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
		String ics = text(result).replace("\r\n ", "");
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n")
			.contains("BEGIN:VTIMEZONE", "TZID:America/Toronto", "UID:" + borrowed + "@mutualis", "UID:" + lent + "@mutualis")
			.contains("Salle polyvalente du Phare — Coopérative La Ruche chez Centre communautaire Le Phare")
			.doesNotContain(elsewhere);
		assertThat(ics.substring(ics.indexOf("UID:" + lent))).contains("STATUS:CANCELLED");
	}

	@Test
	void aRotatedTokenReplacesTheOldAddressAndARevokedFeedAnswers404() throws Exception {
		JsonNode feed = create(TestActors.MANAGER_A, "{\"scope\":\"ORGANISATION\",\"language\":\"en\"}");
		String id = feed.get("id").asString();
		String first = feed.get("path").asString();
		assertThat(this.mvc.perform(get(first)).andReturn().getResponse().getStatus()).isEqualTo(200);

		MvcResult rotated = this.mvc.perform(post("/api/bookings/calendar/feeds/" + id + "/rotate")
			.with(TestActors.MANAGER_A.token())).andReturn();
		assertThat(rotated.getResponse().getStatus()).isEqualTo(200);
		String second = body(rotated).get("path").asString();
		assertThat(second).isNotEqualTo(first);
		assertNotFound(first);
		assertThat(text(this.mvc.perform(get(second)).andReturn())).contains("X-WR-CALNAME:Mutualis bookings");

		assertThat(this.mvc.perform(delete("/api/bookings/calendar/feeds/" + id).with(TestActors.MANAGER_A.token()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		assertNotFound(second);
		assertThat(text(this.mvc.perform(get("/api/bookings/calendar/feeds").with(TestActors.MANAGER_A.token())).andReturn()))
			.doesNotContain(id);
	}

	@Test
	void aListingFeedShowsOnlyBusyTimesOfTheOwnersListing() throws Exception {
		String listing = UUID.randomUUID().toString();
		String booking = UUID.randomUUID().toString();
		this.events.apply(event("confirmed", Map.of("bookingId", booking, "listingId", listing, "ownerOrganisationId",
				TestActors.ORG_A)));
		JsonNode feed = create(TestActors.MANAGER_A, "{\"scope\":\"LISTING\",\"listingId\":\"" + listing + "\"}");
		String ics = text(this.mvc.perform(get(feed.get("path").asString())).andReturn()).replace("\r\n ", "");
		assertThat(ics).contains("SUMMARY:Occupé", "UID:" + booking + "@mutualis", "STATUS:CONFIRMED")
			.doesNotContain("La Ruche")
			.doesNotContain("Le Phare");

		MvcResult other = this.mvc.perform(post("/api/bookings/calendar/feeds").with(TestActors.MANAGER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scope\":\"LISTING\",\"listingId\":\"" + listing + "\"}")).andReturn();
		assertThat(other.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(other).get("type").asString()).isEqualTo("urn:mutualis:problem:feed-listing-not-found");
	}

	@Test
	void refusalsAreProblemsInFrenchAndEnglish() throws Exception {
		MvcResult member = this.mvc.perform(post("/api/bookings/calendar/feeds").with(TestActors.MEMBER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scope\":\"ORGANISATION\"}")).andReturn();
		assertThat(member.getResponse().getStatus()).isEqualTo(403);
		assertThat(member.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = body(member);
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:feed-manager-required");
		assertThat(problem.get("detail").asString()).startsWith("Seuls les gestionnaires");
		assertThat(problem.get("messages").get("en").asString()).startsWith("Only the organisation's managers");

		MvcResult missing = this.mvc.perform(post("/api/bookings/calendar/feeds").with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scope\":\"LISTING\"}")).andReturn();
		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(missing).get("errors").get(0).get("field").asString()).isEqualTo("listingId");
		assertThat(body(missing).get("detail").asString()).startsWith("Say which listing");

		MvcResult badScope = this.mvc.perform(post("/api/bookings/calendar/feeds").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scope\":\"EVERYTHING\"}")).andReturn();
		assertThat(badScope.getResponse().getStatus()).isEqualTo(400);

		assertNotFound("/api/bookings/calendar/feeds/not-a-token.ics");
		assertNotFound("/api/bookings/calendar/feeds/" + FeedToken.generate() + ".ics");
	}

	private JsonNode create(TestActors manager, String request) throws Exception {
		MvcResult result = this.mvc.perform(post("/api/bookings/calendar/feeds").with(manager.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(request)).andReturn();
		assertThat(result.getResponse().getStatus()).as(text(result)).isEqualTo(201);
		return body(result);
	}

	private void assertNotFound(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(result).get("type").asString()).isEqualTo("urn:mutualis:problem:feed-not-found");
	}

}
