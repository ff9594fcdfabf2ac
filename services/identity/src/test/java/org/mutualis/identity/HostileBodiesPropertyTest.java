package org.mutualis.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.mutualis.platform.test.HostileBodies;
import org.mutualis.platform.test.HostileBodies.Variant;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.Invitations;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every write endpoint of identity, fed the hostile variants of its documented example body (each field left out,
 * null, of the wrong type, huge, an operator object; see {@link HostileBodies}) by a caller allowed to call it,
 * answers a 4xx problem+json — or a 2xx when the variant is still a valid body — and never a 5xx; a refused call
 * writes nothing. A jqwik property in a Spring context of the same configuration as {@link OpenApiDocumentTest}'s,
 * prepared by Spring's {@link TestContextManager}; each try starts from freshly seeded organisations, people and
 * invitations, as {@link AuthorizationMatrixTest} does (seeded again only after a call that was accepted, since a
 * refused one is checked to have written nothing).
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class HostileBodiesPropertyTest {

	static final String ORG_C = "cccccccc-0000-4000-8000-00000000000c";

	/** Collections written in the background (its own events consumed and turned into revocations), whatever the call did. */
	private static final Set<String> BACKGROUND = Set.of("token_revocations", "processed_events", "shedlock");

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JsonMapper json;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Invitations invitations;

	private JsonNode document;

	/** Whether the seed is as it was made: a refused call writes nothing, so only an accepted one spoils it. */
	private boolean seeded;

	@BeforeTry
	void seedIfChanged() throws Exception {
		spring();
		if (this.seeded) {
			return;
		}
		seed();
	}

	private void seed() {
		for (String collection : List.of("organisations", "people", "invitations")) {
			this.mongo.remove(new Query(), collection);
		}
		Instant now = Instant.now();
		for (TestActors actor : TestActors.values()) {
			if (actor != TestActors.ANONYMOUS) {
				Person person = Person.register(actor.personId(), actor.personId() + "@hostile.test", actor.name(),
						Language.fr, "{noop}unused", now);
				if (actor == TestActors.ADMIN) {
					person.grantAdministration(now);
				}
				this.people.save(person);
			}
		}
		Organisation a = organisation(TestActors.ORG_A, TestActors.MANAGER_A.personId(), now);
		a.join(TestActors.MEMBER_A.personId(), MembershipRole.MEMBER, now);
		a.approve(now);
		this.organisations.save(a);
		Organisation b = organisation(TestActors.ORG_B, TestActors.MANAGER_B.personId(), now);
		b.join(TestActors.MEMBER_B.personId(), MembershipRole.MEMBER, now);
		b.approve(now);
		this.organisations.save(b);
		this.organisations.save(organisation(ORG_C, "person-c", now));
		this.seeded = true;
	}

	@Provide
	Arbitrary<Variant> variants() throws Exception {
		spring();
		return Arbitraries.of(HostileBodies.of(this.document));
	}

	// identity has about 165 variants: with AUTO generation, every run tries each of them once
	@Property(tries = 200, generation = GenerationMode.AUTO, shrinking = ShrinkingMode.OFF)
	void aHostileBodyIsRefusedAsAProblemAndWritesNothing(@ForAll("variants") Variant variant) throws Exception {
		Call call = callers().get(variant.operation()).apply(Instant.now());
		Map<String, Long> before = documentCounts();
		MockHttpServletResponse response = perform(call, variant.body(call.overrides()));
		int status = response.getStatus();
		this.seeded = this.seeded && status >= 400;
		Statistics.label("answer").collect(variant.mutation(), (status / 100) + "xx");
		String answer = status + " " + response.getContentType() + " "
				+ abbreviated(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(status).as("%s answered %s", variant, answer).isLessThan(500);
		if (mustBeRefused(variant)) {
			assertThat(status).as("%s answered %s", variant, answer).isBetween(400, 499);
		}
		if (status >= 400) {
			assertThat(status).as("%s answered %s", variant, answer).isBetween(400, 499);
			assertThat(MediaType.parseMediaType(response.getContentType()))
				.as("%s answered %s", variant, answer)
				.matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
			assertThat(documentCounts()).as("%s was refused but wrote", variant).isEqualTo(before);
		}
		else {
			assertThat(status).as("%s answered %s", variant, answer).isBetween(200, 299);
		}
	}

	@Example
	void everyWriteOperationHasACallerForWhomItsExampleSucceeds() throws Exception {
		spring();
		Map<String, JsonNode> operations = HostileBodies.jsonWriteOperations(this.document);
		assertThat(callers().keySet()).containsExactlyInAnyOrderElementsOf(operations.keySet());
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, JsonNode> operation : operations.entrySet()) {
			seed();
			Call call = callers().get(operation.getKey()).apply(Instant.now());
			JsonNode body = operation.getValue()
				.path("requestBody")
				.path("content")
				.path("application/json")
				.path("example")
				.deepCopy();
			if (body instanceof ObjectNode object) {
				call.overrides().forEach(object::set);
			}
			MockHttpServletResponse response = perform(call, body.toString());
			if (response.getStatus() / 100 != 2) {
				failures.add(operation.getKey() + " answered " + response.getStatus() + " "
						+ response.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		assertThat(failures).isEmpty();
	}

	/** Left out or null where the document requires it, or an operator where a plain value belongs. */
	private static boolean mustBeRefused(Variant variant) {
		return switch (variant.mutation()) {
			case OMITTED, NULL -> variant.required();
			case OPERATOR -> true;
			case WRONG_TYPE, HUGE -> false;
		};
	}

	/** Who calls each write operation, on which seeded object, with which link secret in the body. */
	private Map<String, Function<Instant, Call>> callers() {
		Map<String, Function<Instant, Call>> callers = new TreeMap<>();
		callers.put("POST /api/identity/organisations",
				(now) -> new Call(TestActors.ANONYMOUS, HttpMethod.POST, "/api/identity/organisations"));
		callers.put("POST /api/identity/organisations/{id}/invitations", (now) -> new Call(TestActors.MANAGER_A,
				HttpMethod.POST, "/api/identity/organisations/" + TestActors.ORG_A + "/invitations"));
		callers.put("PUT /api/identity/organisations/{id}/members/{personId}/role",
				(now) -> new Call(TestActors.MANAGER_A, HttpMethod.PUT, "/api/identity/organisations/"
						+ TestActors.ORG_A + "/members/" + TestActors.MEMBER_A.personId() + "/role"));
		callers.put("POST /api/identity/invitations/accept", (now) -> {
			String secret = SecretTokens.newSecret();
			this.invitations.save(Invitation.send(UUID.randomUUID().toString(), TestActors.ORG_A,
					"nouveau-" + UUID.randomUUID() + "@hostile.test", MembershipRole.MEMBER, SecretTokens.hash(secret),
					TestActors.MANAGER_A.personId(), now));
			return new Call(TestActors.ANONYMOUS, HttpMethod.POST, "/api/identity/invitations/accept")
				.override("token", secret);
		});
		callers.put("POST /api/identity/password-resets",
				(now) -> new Call(TestActors.ANONYMOUS, HttpMethod.POST, "/api/identity/password-resets"));
		callers.put("POST /api/identity/password-resets/complete", (now) -> {
			String secret = SecretTokens.newSecret();
			Person person = this.people.find(TestActors.MEMBER_B.personId()).orElseThrow();
			person.startPasswordReset(SecretTokens.hash(secret), now.plus(Duration.ofHours(1)));
			this.people.save(person);
			return new Call(TestActors.ANONYMOUS, HttpMethod.POST, "/api/identity/password-resets/complete")
				.override("token", secret);
		});
		callers.put("PUT /api/identity/me", (now) -> new Call(TestActors.MEMBER_A, HttpMethod.PUT, "/api/identity/me"));
		callers.put("PUT /api/identity/me/email",
				(now) -> new Call(TestActors.MEMBER_A, HttpMethod.PUT, "/api/identity/me/email"));
		callers.put("POST /api/identity/admin/organisations/{id}/reject", (now) -> new Call(TestActors.ADMIN,
				HttpMethod.POST, "/api/identity/admin/organisations/" + ORG_C + "/reject"));
		callers.put("POST /api/identity/admin/organisations/{id}/suspend", (now) -> new Call(TestActors.ADMIN,
				HttpMethod.POST, "/api/identity/admin/organisations/" + TestActors.ORG_A + "/suspend"));
		return callers;
	}

	private MockHttpServletResponse perform(Call call, String body) throws Exception {
		MockHttpServletRequestBuilder request = request(call.method(), call.path()).with(call.actor().token())
			.with(csrf());
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private Map<String, Long> documentCounts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String collection : this.mongo.getCollectionNames()) {
			if (!BACKGROUND.contains(collection)) {
				counts.put(collection, this.mongo.getCollection(collection).countDocuments());
			}
		}
		return counts;
	}

	private void spring() throws Exception {
		if (this.mvc == null) {
			new TestContextManager(getClass()).prepareTestInstance(this);
		}
		if (this.document == null) {
			String text = this.mvc.perform(request(HttpMethod.GET, "/v3/api-docs"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			this.document = this.json.readTree(text);
		}
	}

	private static Organisation organisation(String id, String manager, Instant now) {
		return Organisation.register(id, new OrganisationProfile("Organisme " + id.charAt(0), LegalForm.NON_PROFIT,
				"Culture", "Montérégie-Ouest", "Roussillon", "Candiac", "info@" + id.charAt(0) + ".test", null,
				Language.fr), manager, now);
	}

	private static String abbreviated(String text) {
		return (text.length() > 600) ? text.substring(0, 600) + "…" : text;
	}

	/**
	 * One call of a write operation, before its body is chosen.
	 * @param actor who calls
	 * @param method the method
	 * @param path the path with its variables filled in
	 * @param overrides top-level fields of the body set from the seed (a link's secret)
	 */
	private record Call(TestActors actor, HttpMethod method, String path, Map<String, JsonNode> overrides) {

		Call(TestActors actor, HttpMethod method, String path) {
			this(actor, method, path, Map.of());
		}

		Call override(String field, String value) {
			Map<String, JsonNode> overrides = new TreeMap<>(this.overrides);
			overrides.put(field, JsonNodeFactory.instance.stringNode(value));
			return new Call(this.actor, this.method, this.path, overrides);
		}

	}

}
