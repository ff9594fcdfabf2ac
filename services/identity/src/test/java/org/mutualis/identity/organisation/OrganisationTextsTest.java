package org.mutualis.identity.organisation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an organisation's registrant and the regional hub write, others read: the organisation's name, sector,
 * municipality and phone, its first manager's name and the reason of a rejection lose their control and direction
 * characters (a one-line text its line breaks too), and a required text nothing visible is left of is refused as a
 * 400 naming its field, with nothing written.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class OrganisationTextsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void empty() {
		for (String collection : List.of("organisations", "people", "invitations")) {
			this.mongo.remove(new Query(), collection);
		}
	}

	@Test
	void registeredTextsLoseControlAndDirectionCharacters() throws Exception {
		MockHttpServletResponse response = register("\\u202eLa Ruche\\r\\n", "Alimentation\\u0000",
				"Candiac\\u2066", "\\u0007", "Evil\\r\\nBcc: x@evil.example\\u202e");
		assertThat(response.getStatus()).isEqualTo(202);
		Organisation organisation = this.organisations.list(null, org.mutualis.identity.common.Paging.of(null, null))
			.items()
			.getFirst();
		assertThat(organisation.profile().name()).isEqualTo("La Ruche");
		assertThat(organisation.profile().sector()).isEqualTo("Alimentation");
		assertThat(organisation.profile().municipality()).isEqualTo("Candiac");
		assertThat(organisation.profile().contactPhone()).isNull();
		assertThat(this.people.findByEmail("gestion@textes.test").orElseThrow().displayName())
			.isEqualTo("Evil Bcc: x@evil.example");
	}

	@Test
	void aRequiredTextNothingVisibleIsLeftOfIsRefusedNamingItsFieldAndWritesNothing() throws Exception {
		MockHttpServletResponse name = register("\\u202e\\u2066\\u0000", "Culture", "Candiac", null, "Gestion");
		assertThat(name.getStatus()).isEqualTo(400);
		assertThat(name.getContentType()).startsWith("application/problem+json");
		JsonNode problem = body(name);
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:text-required");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(problem.get("messages").get("fr").asString()).startsWith("Ce champ est obligatoire");
		assertThat(problem.get("messages").get("en").asString()).startsWith("This field is required");

		MockHttpServletResponse manager = register("La Ruche", "Culture", "Candiac", null, "\\u202e\\r\\n");
		assertThat(manager.getStatus()).isEqualTo(400);
		assertThat(body(manager).get("type").asString()).isEqualTo("urn:mutualis:problem:display-name-required");
		assertThat(body(manager).get("errors").get(0).get("field").asString()).isEqualTo("manager.displayName");

		assertThat(this.mongo.count(new Query(), "organisations")).isZero();
		assertThat(this.mongo.count(new Query(), "people")).isZero();
	}

	@Test
	void aRejectionsReasonKeepsItsLinesAndLosesControlAndDirectionCharacters() throws Exception {
		Instant now = Instant.now();
		this.people.save(Person.register("gestion-c", "gestion@c.test", "Gestion", Language.fr, "{noop}x", now));
		this.organisations.save(Organisation.register("org-c", new OrganisationProfile("Organisme C",
				LegalForm.NON_PROFIT, "Culture", "Montérégie-Ouest", "Roussillon", "Candiac", "info@c.test", null,
				Language.fr), "gestion-c", now));

		MockHttpServletResponse blank = reject("org-c", "\\u202e\\u0000 \\r\\n");
		assertThat(blank.getStatus()).isEqualTo(400);
		assertThat(body(blank).get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(this.organisations.find("org-c").orElseThrow().status()).isEqualTo(OrganisationStatus.REGISTERED);

		MockHttpServletResponse rejected = reject("org-c", " Hors région.\\r\\nVoir\\u202e la charte.\\u0007 ");
		assertThat(rejected.getStatus()).isEqualTo(200);
		Organisation organisation = this.organisations.find("org-c").orElseThrow();
		assertThat(organisation.status()).isEqualTo(OrganisationStatus.REJECTED);
		assertThat(organisation.statusReason()).isEqualTo("Hors région.\nVoir la charte.");
	}

	private MockHttpServletResponse register(String name, String sector, String municipality, String phone,
			String managerName) throws Exception {
		String contactPhone = (phone != null) ? ",\"contactPhone\":\"" + phone + "\"" : "";
		return this.mvc.perform(post("/api/identity/organisations").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"%s","legalForm":"NON_PROFIT","sector":"%s","mrc":"Roussillon","municipality":"%s",
				 "contactEmail":"info@textes.test","preferredLanguage":"fr"%s,
				 "manager":{"email":"gestion@textes.test","displayName":"%s","password":"Une-phrase-de-passe-2026"}}"""
			.formatted(name, sector, municipality, contactPhone, managerName))).andReturn().getResponse();
	}

	private MockHttpServletResponse reject(String organisationId, String reason) throws Exception {
		return this.mvc
			.perform(post("/api/identity/admin/organisations/" + organisationId + "/reject")
				.with(TestActors.ADMIN.token())
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"" + reason + "\"}"))
			.andReturn()
			.getResponse();
	}

	private JsonNode body(MockHttpServletResponse response) throws Exception {
		return this.json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

}
