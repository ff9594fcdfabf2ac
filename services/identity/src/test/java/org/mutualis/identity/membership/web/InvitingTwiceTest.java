package org.mutualis.identity.membership.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.mail.MailQueue;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An invitation goes only where it can be accepted: the address of a member of the organisation is refused
 * ({@code 409 already-member}) and an address with an invitation still waiting for its answer is refused
 * ({@code 409 already-invited}, naming that invitation), whatever the case of the address, and neither stores an
 * invitation nor sends an e-mail; once the waiting one is withdrawn, a new one goes.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class InvitingTwiceTest {

	private static final String MEMBER_ADDRESS = "membre@laruche.test";

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	People people;

	@Autowired
	Organisations organisations;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void seed() {
		for (String collection : List.of("organisations", "people", "invitations", MailQueue.COLLECTION)) {
			this.mongo.remove(new Query(), collection);
		}
		Instant now = Instant.now();
		this.people.save(proven(TestActors.MANAGER_A.personId(), "gestion@laruche.test", now));
		this.people.save(proven(TestActors.MEMBER_A.personId(), MEMBER_ADDRESS, now));
		this.people.save(proven(TestActors.MANAGER_B.personId(), "gestion@lephare.test", now));
		Organisation a = organisation(TestActors.ORG_A, "La Ruche", TestActors.MANAGER_A.personId(), now);
		a.join(TestActors.MEMBER_A.personId(), MembershipRole.MEMBER, now);
		this.organisations.save(a);
		this.organisations.save(organisation(TestActors.ORG_B, "Le Phare", TestActors.MANAGER_B.personId(), now));
	}

	@Test
	void inviteAMemberIsRefusedAsAlreadyMemberInEitherCaseAndLanguageWithoutAnInvitationOrAnEmail() throws Exception {
		MockHttpServletResponse french = invite(TestActors.MANAGER_A, TestActors.ORG_A, MEMBER_ADDRESS, "fr");
		assertThat(french.getStatus()).isEqualTo(409);
		assertThat(french.getContentType()).startsWith("application/problem+json");
		JsonNode problem = body(french);
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:already-member");
		assertThat(problem.get("detail").asString()).isEqualTo("Cette personne fait déjà partie de l’organisme.");
		assertThat(problem.get("messages").get("en").asString())
			.isEqualTo("This person is already a member of the organisation.");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("email");

		MockHttpServletResponse english = invite(TestActors.MANAGER_A, TestActors.ORG_A, "MEMBRE@LaRuche.test", "en");
		assertThat(english.getStatus()).isEqualTo(409);
		assertThat(body(english).get("type").asString()).isEqualTo("urn:mutualis:problem:already-member");
		assertThat(body(english).get("detail").asString())
			.isEqualTo("This person is already a member of the organisation.");

		MockHttpServletResponse manager = invite(TestActors.MANAGER_A, TestActors.ORG_A, "GESTION@laruche.test", "fr");
		assertThat(manager.getStatus()).as("the manager themselves").isEqualTo(409);

		assertThat(this.mongo.count(new Query(), "invitations")).isZero();
		assertThat(this.mongo.count(new Query(), MailQueue.COLLECTION)).isZero();
	}

	@Test
	void aMemberOfOneOrganisationMayBeInvitedToAnother() throws Exception {
		assertThat(invite(TestActors.MANAGER_B, TestActors.ORG_B, "Membre@LaRuche.test", "fr").getStatus())
			.isEqualTo(201);
	}

	@Test
	void aSecondInvitationOfAnAddressStillWaitingIsRefusedAsAlreadyInvitedUntilTheFirstIsWithdrawn() throws Exception {
		MockHttpServletResponse first = invite(TestActors.MANAGER_A, TestActors.ORG_A, "nouveau@laruche.test", "fr");
		assertThat(first.getStatus()).isEqualTo(201);
		String firstId = body(first).get("id").asString();

		MockHttpServletResponse again = invite(TestActors.MANAGER_A, TestActors.ORG_A, "NOUVEAU@LaRuche.test", "en");
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(again.getContentType()).startsWith("application/problem+json");
		JsonNode problem = body(again);
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:already-invited");
		assertThat(problem.get("invitationId").asString()).isEqualTo(firstId);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(problem.get("detail").asString()).startsWith("This address already has an invitation");
		assertThat(problem.get("messages").get("fr").asString()).startsWith("Cette adresse a déjà une invitation");

		MockHttpServletResponse pending = this.mvc
			.perform(get("/api/identity/organisations/" + TestActors.ORG_A + "/invitations")
				.with(TestActors.MANAGER_A.token()))
			.andReturn()
			.getResponse();
		assertThat(pending.getHeader("X-Total-Count")).isEqualTo("1");
		assertThat(this.mongo.count(new Query(), "invitations")).isEqualTo(1);
		assertThat(this.mongo.count(new Query(), MailQueue.COLLECTION)).as("one e-mail").isEqualTo(1);
		assertThat(invite(TestActors.MANAGER_B, TestActors.ORG_B, "nouveau@laruche.test", "fr").getStatus())
			.as("another organisation's invitation").isEqualTo(201);

		assertThat(this.mvc
			.perform(delete("/api/identity/organisations/" + TestActors.ORG_A + "/invitations/" + firstId)
				.with(TestActors.MANAGER_A.token())
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		MockHttpServletResponse renewed = invite(TestActors.MANAGER_A, TestActors.ORG_A, "Nouveau@laruche.test", "fr");
		assertThat(renewed.getStatus()).isEqualTo(201);
		assertThat(body(renewed).get("id").asString()).isNotEqualTo(firstId);
	}

	@Test
	void anAddressWithADirectionOverrideIsRefusedNamingTheField() throws Exception {
		MockHttpServletResponse refused = invite(TestActors.MANAGER_A, TestActors.ORG_A, "gpj\\u202e@laruche.test",
				"fr");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(this.mongo.count(new Query(), "invitations")).isZero();
	}

	private MockHttpServletResponse invite(TestActors manager, String organisationId, String email, String language)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/api/identity/organisations/" + organisationId + "/invitations")
			.with(manager.token())
			.with(csrf())
			.header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"role\":\"MEMBER\"}");
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private JsonNode body(MockHttpServletResponse response) throws Exception {
		return this.json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private static Person proven(String id, String email, Instant now) {
		Person person = Person.register(id, email, id, Language.fr, "{noop}unused", now);
		person.confirmEmail();
		return person;
	}

	private static Organisation organisation(String id, String name, String manager, Instant now) {
		Organisation organisation = Organisation.register(id, new OrganisationProfile(name, LegalForm.COOPERATIVE,
				"Alimentation", "Montérégie-Ouest", "Roussillon", "Candiac", "info@" + id + ".test", null, Language.fr),
				manager, now);
		organisation.approve(now);
		return organisation;
	}

}
