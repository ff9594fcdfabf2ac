package org.mutualis.listings.listing;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.listings.organisation.messaging.IdentityEvents;
import org.mutualis.listings.search.application.ListingSearch;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Listings of an organisation that is not in good standing (suspended or rejected by the regional pôle) are hidden
 * from search and from anyone but its own people and administrators, and come back on reactivation.
 */
class OrganisationStandingVisibilityTest extends ApiTestSupport {

	@Test
	void listingsOfASuspendedOrganisationAreHiddenUntilItIsReactivated() throws Exception {
		String word = word();
		Listing listing = publishedOfA(word);
		visible(listing, word);

		this.organisations.record(TestActors.ORG_A, OrganisationStatus.SUSPENDED, null, null, null, Instant.now());
		hidden(listing, word);

		this.organisations.record(TestActors.ORG_A, OrganisationStatus.APPROVED, null, null, null, Instant.now());
		visible(listing, word);
	}

	@Test
	void listingsOfARejectedOrganisationAreHidden() throws Exception {
		String word = word();
		Listing listing = publishedOfA(word);
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.REJECTED, null, null, null, Instant.now());
		hidden(listing, word);
	}

	@Test
	void aRebuiltIndexKeepsThemHidden() throws Exception {
		String word = word();
		Listing listing = publishedOfA(word);
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.SUSPENDED, null, null, null, Instant.now());
		this.search.rebuild();
		hidden(listing, word);
	}

	@Test
	void identitysSuspensionAndReactivationEventsDriveIt() throws Exception {
		String word = word();
		Listing listing = publishedOfA(word);
		this.identity.apply(identityEvent("suspended"));
		hidden(listing, word);
		this.identity.apply(identityEvent("reactivated"));
		visible(listing, word);
	}

	@Autowired
	private ListingSearch search;

	@Autowired
	private IdentityEvents identity;

	private static String identityEvent(String fact) {
		return """
				{"specversion":"1.0","id":"%s","source":"/mutualis/identity","type":"mutualis.organisation.%s.v1",
				 "subject":"%s","time":"%s","datacontenttype":"application/json","data":{"organisationId":"%s"}}"""
			.formatted(UUID.randomUUID(), fact, TestActors.ORG_A, Instant.now(), TestActors.ORG_A);
	}

	private Listing publishedOfA(String word) {
		Listing draft = draftOfA(ListingFixtures.roomTitled("Salle " + word));
		Listing pending = this.management.submit(actor(TestActors.MANAGER_A), draft.id(), draft.version());
		return this.moderation.publish(actor(TestActors.ADMIN), pending.id(), pending.version());
	}

	private void visible(Listing listing, String word) throws Exception {
		this.mvc.perform(get("/api/listings/" + listing.id())).andExpect(status().isOk());
		this.mvc.perform(get("/api/listings/" + listing.id()).with(TestActors.MEMBER_B.token()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/listings/search").param("q", word)).andExpect(jsonPath("$.total").value(1));
	}

	private void hidden(Listing listing, String word) throws Exception {
		this.mvc.perform(get("/api/listings/" + listing.id())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/listings/" + listing.id()).with(TestActors.MEMBER_B.token()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/listings/search").param("q", word)).andExpect(jsonPath("$.total").value(0));
		// its own people and the administrators still see it
		this.mvc.perform(get("/api/listings/" + listing.id()).with(TestActors.MEMBER_A.token()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/listings/" + listing.id()).with(TestActors.ADMIN.token()))
			.andExpect(status().isOk());
	}

	private static String word() {
		return "Quokkarium" + letters();
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
