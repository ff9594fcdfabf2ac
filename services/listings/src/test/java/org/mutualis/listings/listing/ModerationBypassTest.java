package org.mutualis.listings.listing;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.TestImages;
import org.mutualis.platform.test.TestActors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a published listing's owner changes goes back to review, and moderators decide on the version they saw. */
class ModerationBypassTest extends ApiTestSupport {

	@Test
	void aSubstantiveEditOfAPublishedListingGoesBackToReviewByDefault() throws Exception {
		Listing published = publishedOfA();
		String word = "Zorglubium" + letters();
		this.mvc.perform(put("/api/listings/" + published.id()).with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.IF_MATCH, "\"" + published.version() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson("Salle louée pour du " + word)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING_REVIEW"));
		this.mvc.perform(get("/api/listings/" + published.id())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/listings/search").param("q", word))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void aNewPhotoOnAPublishedListingGoesBackToReview() throws Exception {
		Listing published = publishedOfA();
		this.mvc.perform(multipart("/api/listings/" + published.id() + "/photos")
			.file(new MockMultipartFile("file", "autre.png", "image/png", TestImages.png(320, 200)))
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING_REVIEW"));
		this.mvc.perform(get("/api/listings/" + published.id())).andExpect(status().isNotFound());
		assertThat(this.management.read(actor(TestActors.MANAGER_A), published.id()).history())
			.last()
			.satisfies((transition) -> assertThat(transition.to()).isEqualTo(ListingStatus.PENDING_REVIEW));
	}

	@Test
	void moderationDecisionsWithoutTheVersionTheModeratorSawAreRefused() throws Exception {
		Listing pending = pendingOfA();
		for (String decision : new String[] { "publish", "reject" }) {
			this.mvc.perform(post("/api/listings/" + pending.id() + "/" + decision).with(TestActors.ADMIN.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Incomplet\"}"))
				.andExpect(status().isPreconditionRequired())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("urn:mutualis:problem:if-match-required"))
				.andExpect(jsonPath("$.messages.en").exists());
		}
		Listing published = publishedOfA();
		this.mvc.perform(post("/api/listings/" + published.id() + "/suspend").with(TestActors.ADMIN.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Signalements\"}"))
			.andExpect(status().isPreconditionRequired());
		assertThat(this.management.read(actor(TestActors.MANAGER_A), pending.id()).status())
			.isEqualTo(ListingStatus.PENDING_REVIEW);
	}

	@Test
	void someoneWhoMayNotModerateIsRefusedBeforeBeingToldAboutVersions() throws Exception {
		Listing pending = pendingOfA();
		for (String decision : new String[] { "publish", "reject" }) {
			this.mvc.perform(post("/api/listings/" + pending.id() + "/" + decision).with(TestActors.MANAGER_B.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Incomplet\"}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("urn:mutualis:problem:forbidden"));
		}
	}

	@Test
	void anOwnersChangeBetweenTheModeratorsReadAndDecisionMakesTheDecisionStale() throws Exception {
		Listing pending = pendingOfA();
		long seen = pending.version();
		// the owner changes the text after the moderator read it
		this.management.edit(actor(TestActors.MANAGER_A), pending.id(), seen, ListingFixtures.roomTitled("Autre chose"));
		this.mvc.perform(post("/api/listings/" + pending.id() + "/publish").with(TestActors.ADMIN.token())
			.header(HttpHeaders.IF_MATCH, "\"" + seen + "\""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:stale-version"));
		this.mvc.perform(post("/api/listings/" + pending.id() + "/publish").with(TestActors.ADMIN.token())
			.header(HttpHeaders.IF_MATCH, "\"" + (seen + 1) + "\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
	}

	/** Six random letters (a UUID's hex digits mapped to a–p), so that the search analyser sees one unknown word. */
	private static String letters() {
		StringBuilder letters = new StringBuilder();
		for (char digit : java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 6).toCharArray()) {
			letters.append((char) ('a' + Character.digit(digit, 16)));
		}
		return letters.toString();
	}

}
