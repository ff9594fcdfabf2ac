package org.mutualis.system;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3, end to end through the gateway on the running system: an organisation registers, the administrator
 * approves it, its manager invites a member, the member accepts from the e-mailed link, signs in for that
 * organisation, and is refused another organisation's data.
 */
class IdentityJourneyIT {

	static final String PASSWORD = "Mutualis-Demo-2026";

	static final String LA_RUCHE = "5e1f0001-0000-4000-8000-000000000001";

	private static RunningSystem system;

	private static Api anonymous;

	private static TokenClient tokens;

	@BeforeAll
	static void startSystem() {
		system = RunningSystem.get();
		anonymous = new Api(system.gateway(), null);
		tokens = new TokenClient(system.gateway());
	}

	@Test
	void registerApproveInviteSignInAndBeRefusedAnotherOrganisationsData() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String managerEmail = "gestion-" + suffix + "@friperie.test";
		String memberEmail = "membre-" + suffix + "@friperie.test";
		String managerPassword = "Friperie-" + suffix + "-Gestion";

		Api.Response registered = anonymous.post("/api/identity/organisations", """
				{"name":"Friperie solidaire %s","legalForm":"NON_PROFIT","sector":"Réemploi",
				 "mrc":"Vaudreuil-Soulanges","municipality":"Vaudreuil-Dorion","contactEmail":"%s",
				 "contactPhone":"450-555-0199","preferredLanguage":"fr",
				 "manager":{"email":"%s","displayName":"Gestion Friperie","password":"%s","preferredLanguage":"fr"}}
				""".formatted(suffix, managerEmail, managerEmail, managerPassword));
		assertThat(registered.status()).as(registered.body()).isEqualTo(202);

		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", PASSWORD, null));
		String organisation = admin.registeredOrganisationNamed("Friperie solidaire " + suffix);
		Api.Response approved = admin.post("/api/identity/admin/organisations/" + organisation + "/approve", null);
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");

		MailFolder mail = new MailFolder(system.mailFolder());
		tokens.proveAddress(mail, managerEmail);
		Api manager = anonymous.as(tokens.accessToken(managerEmail, managerPassword, organisation));
		Api.Response invited = manager.post("/api/identity/organisations/" + organisation + "/invitations",
				"{\"email\":\"" + memberEmail + "\",\"role\":\"MEMBER\"}");
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);

		Pattern link = Pattern.compile("/auth/invitation\\?token=([A-Za-z0-9_\\-]+)");
		String invitation = await().atMost(Duration.ofSeconds(20))
			.until(() -> mail.find(memberEmail, link), java.util.Optional::isPresent)
			.orElseThrow();
		String memberPassword = "Friperie-" + suffix + "-Membre";
		Api.Response accepted = anonymous.post("/api/identity/invitations/accept", """
				{"token":"%s","displayName":"Membre Friperie","password":"%s","preferredLanguage":"fr"}
				""".formatted(invitation, memberPassword));
		assertThat(accepted.status()).as(accepted.body()).isBetween(200, 201);

		Api member = anonymous.as(tokens.accessToken(memberEmail, memberPassword, organisation));
		Api.Response me = member.get("/api/identity/me");
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains(organisation).contains("MEMBER");
		assertThat(member.get("/api/identity/organisations/" + organisation).status()).isEqualTo(200);

		Api.Response refused = member.get("/api/identity/organisations/" + LA_RUCHE);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		JsonNode problem = refused.json();
		assertThat(problem.get("type").asString()).startsWith("urn:mutualis:problem:");
		assertThat(problem.get("messages").get("fr").asString()).isNotBlank();
		assertThat(problem.get("messages").get("en").asString()).isNotBlank();

		Api.Response members = member.get("/api/identity/organisations/" + LA_RUCHE + "/members");
		assertThat(members.status()).isEqualTo(403);
	}

	@Test
	void refusesAnApiCallWithoutTokenWithProblemDetails() throws Exception {
		Api.Response response = anonymous.get("/api/identity/me");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).isEqualTo("urn:mutualis:problem:unauthenticated");
	}

	@Test
	void everyServiceAnswersHealthyThroughItsOwnPort() throws Exception {
		for (org.mutualis.local.Part part : org.mutualis.local.Part.services()) {
			Api direct = new Api(system.stack().url(part), null);
			Api.Response health = direct.get("/actuator/health");
			assertThat(health.status()).as(part.partName()).isEqualTo(200);
			assertThat(health.body()).as(part.partName()).contains("\"UP\"");
		}
	}

}
