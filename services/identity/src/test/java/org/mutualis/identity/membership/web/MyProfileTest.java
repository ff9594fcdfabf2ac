package org.mutualis.identity.membership.web;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A signed-in person changes their own name and language ({@code PUT /api/identity/me}, answered like
 * {@code GET}, with the version as {@code ETag} and optionally checked from {@code If-Match}) and asks for a new
 * address ({@code PUT /api/identity/me/email}, which changes nothing until the link is used); bad input is a 400
 * problem naming the field.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class MyProfileTest {

	private static final TestActors ME = TestActors.MEMBER_A;

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	People people;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void seed() {
		for (String collection : List.of("organisations", "people", "invitations")) {
			this.mongo.remove(new Query(), collection);
		}
		Person person = Person.register(ME.personId(), "moi@profil.test", "Moi", Language.fr, "{noop}unused",
				Instant.now());
		person.confirmEmail();
		this.people.save(person);
		this.people.save(Person.register("autre", "autre@profil.test", "Autre", Language.fr, "{noop}unused",
				Instant.now()));
	}

	@Test
	void changesNameAndLanguageAndAnswersAsTheAccountReads() throws Exception {
		MockHttpServletResponse before = call(put("/api/identity/me"), null, "{\"displayName\":\" Marie \",\"language\":\"en\"}");
		assertThat(before.getStatus()).isEqualTo(200);
		JsonNode answer = this.json.readTree(before.getContentAsString(StandardCharsets.UTF_8));
		assertThat(answer.get("displayName").asString()).isEqualTo("Marie");
		assertThat(answer.get("preferredLanguage").asString()).isEqualTo("en");
		assertThat(before.getHeader("ETag")).isEqualTo("\"1\"");
		MockHttpServletResponse read = this.mvc.perform(get("/api/identity/me").with(ME.token())).andReturn().getResponse();
		assertThat(this.json.readTree(read.getContentAsString(StandardCharsets.UTF_8))).isEqualTo(answer);
		assertThat(read.getHeader("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void aStaleIfMatchIsRefusedAndChangesNothing() throws Exception {
		assertThat(call(put("/api/identity/me"), "\"0\"", "{\"displayName\":\"Un\",\"language\":\"fr\"}").getStatus())
			.isEqualTo(200);
		MockHttpServletResponse stale = call(put("/api/identity/me"), "\"0\"", "{\"displayName\":\"Deux\",\"language\":\"fr\"}");
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("urn:mutualis:problem:stale-version");
		assertThat(this.people.find(ME.personId()).orElseThrow().displayName()).isEqualTo("Un");
	}

	@Test
	void badInputIsA400NamingEachField() throws Exception {
		MockHttpServletResponse blank = call(put("/api/identity/me"), null, "{\"displayName\":\" \",\"language\":\"de\"}");
		assertThat(blank.getStatus()).isEqualTo(400);
		assertThat(blank.getContentType()).startsWith("application/problem+json");
		assertThat(blank.getContentAsString(StandardCharsets.UTF_8)).contains("language");
		MockHttpServletResponse missing = call(put("/api/identity/me"), null, "{\"language\":\"fr\"}");
		assertThat(missing.getStatus()).isEqualTo(400);
		assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("displayName");
		MockHttpServletResponse address = call(put("/api/identity/me/email"), null, "{\"email\":\"pas-une-adresse\"}");
		assertThat(address.getStatus()).isEqualTo(400);
		assertThat(address.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"email\"");
		assertThat(call(put("/api/identity/me"), "abc", "{\"displayName\":\"X\",\"language\":\"fr\"}").getStatus())
			.isEqualTo(400);
	}

	@Test
	void controlAndDirectionCharactersAreRemovedFromTheNameOthersSee() throws Exception {
		MockHttpServletResponse override = call(put("/api/identity/me"), null,
				"{\"displayName\":\"\\u202eRTL\\u0000nul\\u0007\",\"language\":\"fr\"}");
		assertThat(override.getStatus()).isEqualTo(200);
		assertThat(this.json.readTree(override.getContentAsString(StandardCharsets.UTF_8)).get("displayName").asString())
			.isEqualTo("RTLnul");
		assertThat(this.people.find(ME.personId()).orElseThrow().displayName()).isEqualTo("RTLnul");

		MockHttpServletResponse header = call(put("/api/identity/me"), null,
				"{\"displayName\":\"Evil\\r\\nBcc: x@evil.example\",\"language\":\"fr\"}");
		assertThat(header.getStatus()).isEqualTo(200);
		assertThat(this.people.find(ME.personId()).orElseThrow().displayName()).isEqualTo("Evil Bcc: x@evil.example")
			.doesNotContain("\r", "\n");
	}

	@Test
	void aNameNothingVisibleIsLeftOfIsRefusedAsBlankAndChangesNothing() throws Exception {
		MockHttpServletResponse refused = this.mvc.perform(put("/api/identity/me").with(ME.token())
			.with(csrf())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"displayName\":\"\\u202e\\u2066\\r\\n\\u0000\",\"language\":\"en\"}"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:display-name-required");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("displayName");
		assertThat(problem.get("detail").asString()).isEqualTo("Enter your name.");
		assertThat(problem.get("messages").get("fr").asString()).isEqualTo("Indiquez votre nom.");
		Person me = this.people.find(ME.personId()).orElseThrow();
		assertThat(me.displayName()).isEqualTo("Moi");
		assertThat(me.preferredLanguage()).isEqualTo(Language.fr);
		assertThat(me.version()).isZero();
	}

	@Test
	void theLanguageIsAcceptedUnderTheNameGetGivesIt() throws Exception {
		MockHttpServletResponse read = this.mvc.perform(get("/api/identity/me").with(ME.token())).andReturn().getResponse();
		JsonNode me = this.json.readTree(read.getContentAsString(StandardCharsets.UTF_8));
		String back = "{\"displayName\":\"Moi\",\"preferredLanguage\":\"en\"}";
		assertThat(me.get("preferredLanguage").asString()).isEqualTo("fr");
		MockHttpServletResponse changed = call(put("/api/identity/me"), null, back);
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(this.json.readTree(changed.getContentAsString(StandardCharsets.UTF_8)).get("preferredLanguage")
			.asString()).isEqualTo("en");
		assertThat(call(put("/api/identity/me"), null,
				"{\"displayName\":\"Moi\",\"preferredLanguage\":\"fr\",\"language\":\"fr\"}").getStatus())
			.as("both names, one language")
			.isEqualTo(200);
		assertThat(this.people.find(ME.personId()).orElseThrow().preferredLanguage()).isEqualTo(Language.fr);
		assertThat(call(put("/api/identity/me"), null, "{\"displayName\":\"Moi\",\"language\":\"en\"}").getStatus())
			.as("the older name alone")
			.isEqualTo(200);
		assertThat(this.people.find(ME.personId()).orElseThrow().preferredLanguage()).isEqualTo(Language.en);
	}

	@Test
	void twoDifferentLanguagesOrNoneAreRefusedNamingTheFieldsAndChangeNothing() throws Exception {
		MockHttpServletResponse conflict = call(put("/api/identity/me"), null,
				"{\"displayName\":\"Autre nom\",\"preferredLanguage\":\"en\",\"language\":\"fr\"}");
		assertThat(conflict.getStatus()).isEqualTo(400);
		assertThat(conflict.getContentType()).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(conflict.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:language-conflict");
		List<String> fields = new java.util.ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactly("preferredLanguage", "language");
		assertThat(problem.get("messages").get("fr").asString()).contains("preferredLanguage");
		assertThat(problem.get("messages").get("en").asString()).contains("preferredLanguage");

		MockHttpServletResponse none = call(put("/api/identity/me"), null, "{\"displayName\":\"Autre nom\"}");
		assertThat(none.getStatus()).isEqualTo(400);
		JsonNode missing = this.json.readTree(none.getContentAsString(StandardCharsets.UTF_8));
		assertThat(missing.get("type").asString()).isEqualTo("urn:mutualis:problem:language-required");
		assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("preferredLanguage");

		Person me = this.people.find(ME.personId()).orElseThrow();
		assertThat(me.displayName()).isEqualTo("Moi");
		assertThat(me.version()).isZero();
	}

	@Test
	void aNewAddressIsPendingUntilProvenAndATakenOneIsAnsweredAlikeWithoutChange() throws Exception {
		assertThat(call(put("/api/identity/me/email"), null, "{\"email\":\"nouvelle@profil.test\"}").getStatus())
			.isEqualTo(202);
		Person me = this.people.find(ME.personId()).orElseThrow();
		assertThat(me.email()).isEqualTo("moi@profil.test");
		assertThat(me.pendingEmail()).isEqualTo("nouvelle@profil.test");
		assertThat(call(put("/api/identity/me/email"), null, "{\"email\":\"AUTRE@profil.test\"}").getStatus())
			.isEqualTo(202);
		assertThat(this.people.find(ME.personId()).orElseThrow().pendingEmail()).isEqualTo("nouvelle@profil.test");
	}

	private MockHttpServletResponse call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String ifMatch, String body) throws Exception {
		request.with(ME.token()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
