package org.mutualis.identity.person.application;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.mail.MailQueue;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The administrators a deployment designates ({@code mutualis.identity.administrators}) are granted once their
 * address is proven — at start, by two instances at once exactly once, or when the link is used — and
 * administrators list, grant and revoke one another over the API without ever leaving none; a proven change of
 * address is told to the former address.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false",
		"mutualis.identity.administrators= Pole@Hub.test ,attente@hub.test" })
@AutoConfigureMockMvc
@WithInfrastructure
class PlatformAdministratorsTest {

	private static final Actor ADMIN = new Actor(TestActors.ADMIN.personId(), null, Set.of(Actor.ADMIN));

	@Autowired
	PlatformAdministrators administrators;

	@Autowired
	EmailVerification verification;

	@Autowired
	People people;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void seed() {
		for (String collection : List.of("organisations", "people", "invitations", MailQueue.COLLECTION)) {
			this.mongo.remove(new Query(), collection);
		}
		Person admin = proven(TestActors.ADMIN.personId(), "admin@hub.test");
		admin.grantAdministration(Instant.now());
		this.people.save(admin);
		this.people.save(proven("pole", "pole@hub.test"));
		this.people.save(Person.register("attente", "Attente@hub.test", "En attente", Language.fr, "{noop}unused",
				Instant.now()));
		this.people.save(proven("membre", "membre@hub.test"));
	}

	@Test
	void twoInstancesStartingTogetherGrantAProvenDesignatedAddressExactlyOnce() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Future<Integer>> grants = new ArrayList<>();
		for (int instance = 0; instance < 2; instance++) {
			grants.add(threads.submit(() -> {
				start.await();
				return this.administrators.grantDesignated();
			}));
		}
		start.countDown();
		int granted = 0;
		for (Future<Integer> grant : grants) {
			granted += grant.get();
		}
		threads.shutdown();

		assertThat(granted).isEqualTo(1);
		Person pole = this.people.find("pole").orElseThrow();
		assertThat(pole.admin()).isTrue();
		assertThat(pole.version()).as("one write after registration").isEqualTo(1);
		assertThat(this.people.find("attente").orElseThrow().admin()).as("address not proven").isFalse();
		assertThat(this.people.find("membre").orElseThrow().admin()).as("not designated").isFalse();
		assertThat(this.administrators.grantDesignated()).as("nothing left to grant").isZero();
	}

	@Test
	void aDesignatedAddressIsGrantedWhenItsLinkProvesIt() {
		Person waiting = this.people.find("attente").orElseThrow();
		waiting.startEmailVerification(SecretTokens.hash("lien"), Instant.now().plus(1, ChronoUnit.HOURS));
		this.people.save(waiting);

		this.verification.verify("lien");

		assertThat(this.people.find("attente").orElseThrow().admin()).isTrue();
	}

	@Test
	void aProvenNewAddressIsToldToTheFormerOneWithoutALinkAndGrantsIfDesignated() {
		Person member = this.people.find("membre").orElseThrow();
		member.changeProfile("Membre", Language.en, Instant.now());
		member.startEmailChange("Attente@Hub.test", SecretTokens.hash("changement"),
				Instant.now().plus(1, ChronoUnit.HOURS));
		this.people.save(member);
		// the designated address's unproven account gives it up first
		this.mongo.remove(Query.query(Criteria.where("_id").is("attente")), "people");

		this.verification.verify("changement");

		Person changed = this.people.find("membre").orElseThrow();
		assertThat(changed.email()).isEqualTo("Attente@Hub.test");
		assertThat(changed.admin()).isTrue();
		List<Document> mails = this.mongo.find(Query.query(Criteria.where("to").is("membre@hub.test")), Document.class,
				MailQueue.COLLECTION);
		assertThat(mails).singleElement().satisfies((mail) -> {
			assertThat(mail.getString("subject")).isEqualTo("Your Mutualis account now uses another e-mail address");
			assertThat(mail.getString("text")).contains("Attente@Hub.test").doesNotContain("token=");
		});
	}

	@Test
	void administratorsListGrantAndRevokeOneAnother() throws Exception {
		assertThat(call(put("/api/identity/admin/administrators/membre"), "fr").getStatus()).isEqualTo(200);
		JsonNode list = this.json.readTree(call(get("/api/identity/admin/administrators"), "fr")
			.getContentAsString(StandardCharsets.UTF_8));
		List<String> emails = new ArrayList<>();
		list.forEach((administrator) -> emails.add(administrator.get("email").asString()));
		assertThat(emails).containsExactly("admin@hub.test", "membre@hub.test");

		assertThat(call(delete("/api/identity/admin/administrators/membre"), "fr").getStatus()).isEqualTo(204);
		assertThat(this.people.find("membre").orElseThrow().admin()).isFalse();
		assertThat(call(delete("/api/identity/admin/administrators/membre"), "fr").getStatus())
			.as("not an administrator: nothing to do")
			.isEqualTo(204);
	}

	@Test
	void theLastAdministratorCannotBeRevokedInEitherLanguage() throws Exception {
		String path = "/api/identity/admin/administrators/" + TestActors.ADMIN.personId();
		MockHttpServletResponse french = call(delete(path), "fr");
		assertThat(french.getStatus()).isEqualTo(409);
		assertThat(french.getContentType()).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(french.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:last-administrator");
		assertThat(problem.get("detail").asString()).startsWith("La plateforme doit toujours avoir");
		MockHttpServletResponse english = call(delete(path), "en");
		assertThat(this.json.readTree(english.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
			.startsWith("The platform must always keep");
		assertThat(this.people.find(TestActors.ADMIN.personId()).orElseThrow().admin()).isTrue();
	}

	@Test
	void refusalsAreProblemsAndChangeNothing() throws Exception {
		this.administrators.grantDesignated();
		assertProblem(call(delete("/api/identity/admin/administrators/pole"), "fr"), 409, "administrator-designated");
		assertProblem(call(put("/api/identity/admin/administrators/attente"), "fr"), 422, "administrator-unproven");
		assertProblem(call(put("/api/identity/admin/administrators/nobody"), "en"), 404, "person-not-found");
		assertProblem(call(delete(URI.create("/api/identity/admin/administrators/%7B%24ne%7D")), "fr"), 404, "person-not-found");
		assertProblem(this.mvc.perform(put("/api/identity/admin/administrators/membre").with(TestActors.MANAGER_A.token())
			.with(csrf())).andReturn().getResponse(), 403, "admin-only");
		assertThat(this.people.findAdministrators()).extracting(Person::id)
			.containsExactlyInAnyOrder(TestActors.ADMIN.personId(), "pole");
	}

	@Test
	void twoAdministratorsRevokingEachOtherAtOnceLeaveOne() throws Exception {
		for (int round = 0; round < 5; round++) {
			this.administrators.grant(ADMIN, "membre");
			this.administrators.grant(ADMIN, TestActors.ADMIN.personId());
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			List<Future<Boolean>> revocations = new ArrayList<>();
			for (String revoked : List.of("membre", TestActors.ADMIN.personId())) {
				revocations.add(threads.submit(() -> {
					start.await();
					try {
						this.administrators.revoke(ADMIN, revoked);
						return true;
					}
					catch (Refusal refused) {
						return false;
					}
				}));
			}
			start.countDown();
			int done = 0;
			for (Future<Boolean> revocation : revocations) {
				done += revocation.get() ? 1 : 0;
			}
			threads.shutdown();
			assertThat(this.people.findAdministrators()).as("round " + round).hasSize(2 - done).isNotEmpty();
		}
		assertThatThrownBy(() -> this.administrators.grant(new Actor("membre", null, Set.of(Actor.MEMBER)), "membre"))
			.isInstanceOf(Refusal.class);
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String language) throws Exception {
		return this.mvc.perform(request.with(TestActors.ADMIN.token()).with(csrf()).header("Accept-Language", language))
			.andReturn()
			.getResponse();
	}

	private void assertProblem(MockHttpServletResponse response, int status, String type) throws Exception {
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("urn:mutualis:problem:" + type);
	}

	private static Person proven(String id, String email) {
		Person person = Person.register(id, email, "Personne " + id, Language.fr, "{noop}unused", Instant.now());
		person.confirmEmail();
		return person;
	}

}
