package org.mutualis.listings;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingDetails;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.listing.application.ListingModeration;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.listings.organisation.Organisations;
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
 * One shared application context for the API tests, with organisations A and B approved. Its caps on drafts and
 * reports are out of reach, since the tests that share it create many of both; {@code ListsAndLimitsTest} checks
 * the caps in a context of its own.
 */
@SpringBootTest(properties = { "mutualis.listings.limits.max-drafts-per-organisation=1000000",
		"mutualis.listings.limits.reports-per-organisation-per-day=1000000" })
@AutoConfigureMockMvc
@WithInfrastructure
public abstract class ApiTestSupport {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected ListingManagement management;

	@Autowired
	protected ListingModeration moderation;

	@Autowired
	protected Organisations organisations;

	@BeforeEach
	void approveOrganisations() {
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.APPROVED, "Organisation A", null, null,
				java.time.Instant.now());
		this.organisations.record(TestActors.ORG_B, OrganisationStatus.APPROVED, "Organisation B", null, null,
				java.time.Instant.now());
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

	/** @return a fresh draft of organisation A */
	protected Listing draftOfA() {
		return draftOfA(ListingFixtures.room());
	}

	/**
	 * A fresh draft of organisation A.
	 * @param details content
	 * @return the draft
	 */
	protected Listing draftOfA(ListingDetails details) {
		return this.management.create(actor(TestActors.MANAGER_A), details);
	}

	/** @return a fresh listing of organisation A waiting for review */
	protected Listing pendingOfA() {
		return this.management.submit(actor(TestActors.MANAGER_A), draftOfA().id(), null);
	}

	/** @return a fresh published listing of organisation A */
	protected Listing publishedOfA() {
		Listing pending = pendingOfA();
		return this.moderation.publish(actor(TestActors.ADMIN), pending.id(), pending.version());
	}

	/** @return a fresh suspended listing of organisation A */
	protected Listing suspendedOfA() {
		Listing published = publishedOfA();
		return this.moderation.suspend(actor(TestActors.ADMIN), published.id(), "Vérification", published.version());
	}

	/**
	 * Reads a response body.
	 * @param result the MockMvc result
	 * @return its JSON
	 * @throws Exception on unreadable bodies
	 */
	protected JsonNode body(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

}
