package org.mutualis.listings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.listing.Listing;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every list is paged with a maximum page size, and what a caller creates is capped: drafts, reports. */
@SpringBootTest(properties = { "mutualis.listings.limits.max-page-size=5",
		"mutualis.listings.limits.max-drafts-per-organisation=3",
		"mutualis.listings.limits.reports-per-organisation-per-day=2" })
@AutoConfigureMockMvc
@WithInfrastructure
class ListsAndLimitsTest extends ApiTestSupport {

	@Test
	void anOrganisationsListingsAndTheModerationQueueArePagedWithAMaximumPageSize() throws Exception {
		for (int i = 0; i < 7; i++) {
			pendingOfA();
		}
		MvcResult first = this.mvc.perform(get("/api/listings/organisations/" + TestActors.ORG_A)
			.param("size", "500")
			.with(TestActors.MEMBER_A.token()))
			.andExpect(status().isOk())
			.andReturn();
		long total = Long.parseLong(first.getResponse().getHeader("X-Total-Count"));
		assertThat(total).isGreaterThanOrEqualTo(7);
		assertThat(body(first).size()).isEqualTo(5);
		Set<String> seen = new HashSet<>();
		for (int page = 0; page * 5 < total; page++) {
			JsonNode items = body(this.mvc.perform(get("/api/listings/organisations/" + TestActors.ORG_A)
				.param("page", String.valueOf(page))
				.param("size", "5")
				.with(TestActors.MEMBER_A.token())).andExpect(status().isOk()).andReturn());
			items.forEach((item) -> assertThat(seen.add(item.get("id").asString())).isTrue());
		}
		assertThat(seen).hasSize((int) total);

		JsonNode queue = body(this.mvc.perform(get("/api/listings/moderation/queue").param("size", "500")
			.with(TestActors.ADMIN.token())).andExpect(status().isOk()).andReturn());
		assertThat(queue.get("size").asInt()).isEqualTo(5);
		assertThat(queue.get("pendingReview").size()).isEqualTo(5);
		assertThat(queue.get("pendingReviewTotal").asLong()).isGreaterThanOrEqualTo(7);
		JsonNode second = body(this.mvc.perform(get("/api/listings/moderation/queue").param("page", "1")
			.param("size", "5")
			.with(TestActors.ADMIN.token())).andExpect(status().isOk()).andReturn());
		assertThat(second.get("pendingReview").size()).isGreaterThanOrEqualTo(2);
		this.mvc.perform(get("/api/listings/moderation/queue").param("page", "-1").with(TestActors.ADMIN.token()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void draftsPerOrganisationAreCapped() throws Exception {
		List<String> drafts = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			drafts.add(body(this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_B.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(ListingFixtures.roomJson())).andExpect(status().isCreated()).andReturn()).get("id").asString());
		}
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:too-many-drafts"))
			.andExpect(jsonPath("$.messages.en").value("An organisation may keep at most 3 drafts: submit or archive one first."));
		this.mvc.perform(post("/api/listings/" + drafts.get(0) + "/archive").with(TestActors.MANAGER_B.token()))
			.andExpect(status().isOk());
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson())).andExpect(status().isCreated());
	}

	@Test
	void aPersonReportsAListingOnceWhileTheirReportIsOpenAndAnOrganisationAFewTimesADay() throws Exception {
		Listing listing = publishedOfA();
		String report = body(report(listing).andExpect(status().isCreated()).andReturn()).get("id").asString();
		report(listing).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:report-already-open"));
		this.mvc.perform(post("/api/listings/moderation/reports/" + report + "/resolve").with(TestActors.ADMIN.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"DISMISSED\",\"note\":\"Vérifié\"}")).andExpect(status().isOk());
		// resolved: the same person may report it again
		report(listing).andExpect(status().isCreated());
		// the organisation's reports of the day are used up
		report(publishedOfA()).andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:too-many-reports"));
	}

	@Test
	void anOrganisationDoesNotReportItsOwnListing() throws Exception {
		Listing listing = publishedOfA();
		this.mvc.perform(post("/api/listings/" + listing.id() + "/reports").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"MISLEADING\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:own-listing-report"));
	}

	private org.springframework.test.web.servlet.ResultActions report(Listing listing) throws Exception {
		return this.mvc.perform(post("/api/listings/" + listing.id() + "/reports").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"MISLEADING\",\"details\":\"La salle est plus petite\"}"));
	}

}
