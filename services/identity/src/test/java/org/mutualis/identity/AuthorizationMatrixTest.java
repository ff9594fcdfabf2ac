package org.mutualis.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.Invitations;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.test.EndpointInventory;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutualis.platform.test.TestActors.ADMIN;
import static org.mutualis.platform.test.TestActors.ANONYMOUS;
import static org.mutualis.platform.test.TestActors.MANAGER_A;
import static org.mutualis.platform.test.TestActors.MEMBER_A;
import static org.mutualis.platform.test.TestActors.ORG_A;
import static org.mutualis.platform.test.TestActors.ORG_B;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint of identity, called by each of the six actors against a freshly seeded database, answers the
 * expected status; an endpoint without a row fails the build.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class AuthorizationMatrixTest {

	static final String ORG_C = "cccccccc-0000-4000-8000-00000000000c";

	static final String INVITATION_A = "aaaaaaaa-1111-4000-8000-00000000000a";

	static final String REGISTRATION = """
			{"name":"Nouvel organisme","legalForm":"NON_PROFIT","sector":"Culture","mrc":"Roussillon",
			 "municipality":"Candiac","contactEmail":"info@nouvel.test","preferredLanguage":"fr",
			 "manager":{"email":"gestion@nouvel.test","displayName":"Gestion","password":"Une-phrase-de-passe-2026"}}""";

	static final List<Row> ROWS = List.of(
			row("GET /api/identity/regions", "/api/identity/regions", null, (a) -> 200),
			row("POST /api/identity/organisations", "/api/identity/organisations", REGISTRATION, (a) -> 202),
			row("GET /api/identity/organisations/{id}", "/api/identity/organisations/" + ORG_A, null, memberOfA(200)),
			row("GET /api/identity/organisations/{id}/members", "/api/identity/organisations/" + ORG_A + "/members", null,
					memberOfA(200)),
			row("POST /api/identity/organisations/{id}/invitations",
					"/api/identity/organisations/" + ORG_A + "/invitations",
					"{\"email\":\"nouveau@a.test\",\"role\":\"MEMBER\"}", managerOfA(201)),
			row("GET /api/identity/organisations/{id}/invitations",
					"/api/identity/organisations/" + ORG_A + "/invitations", null, managerOfA(200)),
			row("DELETE /api/identity/organisations/{id}/invitations/{invitationId}",
					"/api/identity/organisations/" + ORG_A + "/invitations/" + INVITATION_A, null, managerOfA(204)),
			row("PUT /api/identity/organisations/{id}/members/{personId}/role",
					"/api/identity/organisations/" + ORG_A + "/members/" + MEMBER_A.personId() + "/role",
					"{\"role\":\"MANAGER\"}", managerOfA(204)),
			row("DELETE /api/identity/organisations/{id}/members/{personId}",
					"/api/identity/organisations/" + ORG_A + "/members/" + MEMBER_A.personId(), null, managerOfA(204)),
			row("POST /api/identity/invitations/accept", "/api/identity/invitations/accept",
					"{\"token\":\"not-a-real-token\",\"displayName\":\"X\",\"password\":\"Une-phrase-de-passe-2026\"}",
					(a) -> 422),
			row("GET /api/identity/me", "/api/identity/me", null, (a) -> (a == ANONYMOUS) ? 401 : 200),
			row("PUT /api/identity/me", "/api/identity/me", "{\"displayName\":\"Nouveau nom\",\"language\":\"en\"}",
					(a) -> (a == ANONYMOUS) ? 401 : 200),
			row("PUT /api/identity/me/email", "/api/identity/me/email", "{\"email\":\"nouvelle@matrix.test\"}",
					(a) -> (a == ANONYMOUS) ? 401 : 202),
			row("POST /api/identity/password-resets", "/api/identity/password-resets", "{\"email\":\"nobody@x.test\"}",
					(a) -> 202),
			row("POST /api/identity/password-resets/complete", "/api/identity/password-resets/complete",
					"{\"token\":\"not-a-real-token\",\"password\":\"Une-phrase-de-passe-2026\"}", (a) -> 422),
			row("GET /api/identity/admin/organisations", "/api/identity/admin/organisations?status=REGISTERED", null,
					admin(200)),
			row("POST /api/identity/admin/organisations/{id}/approve",
					"/api/identity/admin/organisations/" + ORG_C + "/approve", null, admin(200)),
			row("POST /api/identity/admin/organisations/{id}/reject",
					"/api/identity/admin/organisations/" + ORG_C + "/reject", "{\"reason\":\"Hors région\"}", admin(200)),
			row("POST /api/identity/admin/organisations/{id}/suspend",
					"/api/identity/admin/organisations/" + ORG_A + "/suspend", "{\"reason\":\"Plaintes\"}", admin(200)),
			row("POST /api/identity/admin/organisations/{id}/reactivate",
					"/api/identity/admin/organisations/" + ORG_B + "/reactivate", null, admin(200)),
			row("GET /api/identity/admin/administrators", "/api/identity/admin/administrators", null, admin(200)),
			row("PUT /api/identity/admin/administrators/{personId}",
					"/api/identity/admin/administrators/" + MEMBER_A.personId(), null, admin(200)),
			row("DELETE /api/identity/admin/administrators/{personId}",
					"/api/identity/admin/administrators/" + MEMBER_A.personId(), null, admin(204)),
			row("POST /api/identity/admin/signing-keys/rotate", "/api/identity/admin/signing-keys/rotate", null,
					admin(200)),
			row("GET /auth/login", "/auth/login", null, (a) -> 200),
			row("GET /auth/forgot-password", "/auth/forgot-password", null, (a) -> 200),
			row("POST /auth/forgot-password", "/auth/forgot-password?email=nobody@x.test", null, (a) -> 200),
			row("GET /auth/reset-password", "/auth/reset-password?token=abc", null, (a) -> 200),
			row("POST /auth/reset-password", "/auth/reset-password?token=abc&password=Une-phrase-de-passe-2026", null,
					(a) -> 200),
			row("GET /auth/invitation", "/auth/invitation?token=abc", null, (a) -> 200),
			row("GET /auth/verify-email", "/auth/verify-email?token=abc", null, (a) -> 200),
			row("POST /auth/verify-email", "/auth/verify-email?token=abc", null, (a) -> 200),
			row("POST /auth/invitation", "/auth/invitation?token=abc", null, (a) -> 200));

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Invitations invitations;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		for (Row row : ROWS) {
			for (TestActors actor : TestActors.values()) {
				cells.add(Arguments.of(row.endpoint(), actor, row));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cells")
	void answersAsTheMatrixSays(String endpoint, TestActors actor, Row row) throws Exception {
		seed();
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.split(" ")[0]), row.path())
			.with(actor.token())
			.with(csrf());
		if (row.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.body());
		}
		int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
		assertThat(status).as(endpoint + " as " + actor).isEqualTo(row.expected().get(actor));
	}

	@Test
	void everyEndpointHasARow() {
		Set<String> covered = new TreeSet<>();
		ROWS.forEach((row) -> covered.add(row.endpoint()));
		assertThat(covered).containsExactlyInAnyOrderElementsOf(EndpointInventory.of(this.mapping));
	}

	private void seed() {
		for (String collection : List.of("organisations", "people", "invitations")) {
			this.mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
		}
		Instant now = Instant.now();
		for (TestActors actor : TestActors.values()) {
			if (actor != ANONYMOUS) {
				Person person = Person.register(actor.personId(), actor.personId() + "@matrix.test", actor.name(),
						Language.fr, "{noop}unused", now);
				// a proven address, which an administrator needs to be granted
				person.confirmEmail();
				if (actor == ADMIN) {
					person.grantAdministration(now);
				}
				this.people.save(person);
			}
		}
		Organisation a = organisation(ORG_A, MANAGER_A.personId(), now);
		a.join(MEMBER_A.personId(), MembershipRole.MEMBER, now);
		a.approve(now);
		this.organisations.save(a);
		Organisation b = organisation(ORG_B, TestActors.MANAGER_B.personId(), now);
		b.join(TestActors.MEMBER_B.personId(), MembershipRole.MEMBER, now);
		b.approve(now);
		b.suspend("Plaintes", now);
		this.organisations.save(b);
		this.organisations.save(organisation(ORG_C, "person-c", now));
		this.invitations.save(Invitation.send(INVITATION_A, ORG_A, "invitee@matrix.test", MembershipRole.MEMBER,
				"hash-of-a-secret", MANAGER_A.personId(), now));
	}

	private static Organisation organisation(String id, String manager, Instant now) {
		return Organisation.register(id, new OrganisationProfile("Organisme " + id.charAt(0), LegalForm.NON_PROFIT,
				"Culture", "Montérégie-Ouest", "Roussillon", "Candiac", "info@" + id.charAt(0) + ".test", null,
				Language.fr), manager, now);
	}

	private static Row row(String endpoint, String path, String body,
			java.util.function.Function<TestActors, Integer> expected) {
		return new Row(endpoint, path, body, TestActors.expect(expected));
	}

	private static java.util.function.Function<TestActors, Integer> memberOfA(int ok) {
		return (actor) -> switch (actor) {
			case ANONYMOUS -> 401;
			case MEMBER_A, MANAGER_A, ADMIN -> ok;
			default -> 403;
		};
	}

	private static java.util.function.Function<TestActors, Integer> managerOfA(int ok) {
		return (actor) -> switch (actor) {
			case ANONYMOUS -> 401;
			case MANAGER_A -> ok;
			default -> 403;
		};
	}

	private static java.util.function.Function<TestActors, Integer> admin(int ok) {
		return (actor) -> switch (actor) {
			case ANONYMOUS -> 401;
			case ADMIN -> ok;
			default -> 403;
		};
	}

	record Row(String endpoint, String path, String body, Map<TestActors, Integer> expected) {

		@Override
		public String toString() {
			return this.endpoint;
		}

	}

}
