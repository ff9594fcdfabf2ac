package org.mutualis.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nobody signs in with an address they have not proven: a registered manager follows the e-mailed link first (a
 * bilingual page), an account registered by someone else with a victim's address is taken over by the victim
 * through an invitation, and an invitation for an existing account is accepted only by that account signed in.
 */
@IdentityIntegrationTest
class EmailVerificationIT {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordHasher hasher;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRegisteredManagerSignsInOnlyAfterFollowingTheEmailedLink() throws Exception {
		String email = "verifie-" + UUID.randomUUID().toString().substring(0, 8) + "@verify.test";
		assertThat(register(email, "Une-phrase-de-passe-2026").statusCode()).isEqualTo(202);
		OAuthClient.Authorization before = new OAuthClient(base()).authorize(email, "Une-phrase-de-passe-2026", null);
		assertThat(before.code()).isNull();
		assertThat(before.location()).contains("/auth/login?unverified");

		// the refused sign-in sent a new link, which replaced the first: the second e-mail holds the one that works
		String token = linkToken(content(awaitMails(email, 2)), "/auth/verify-email");
		OAuthClient browser = new OAuthClient(base());
		HttpResponse<String> page = browser.get(base() + "/auth/verify-email?token=" + token + "&lang=en");
		assertThat(page.body()).contains("Confirm your e-mail address");
		assertThat(browser.get(base() + "/auth/verify-email?token=" + token).body()).contains("Confirmer votre adresse courriel");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", token);
		form.put("_csrf", csrf(page.body()));
		assertThat(browser.post(base() + "/auth/verify-email?lang=en", form, null).body()).contains("address is confirmed");
		assertThat(browser.post(base() + "/auth/verify-email?lang=en", form, null).body()).as("single use")
			.contains("no longer valid");

		assertThat(OAuthClient.accessToken(base(), email, "Une-phrase-de-passe-2026", null)).isNotBlank();
	}

	@Test
	void aVictimTakesOverAnAccountRegisteredWithTheirAddressThroughAnInvitation() throws Exception {
		String victim = "victime-" + UUID.randomUUID().toString().substring(0, 8) + "@verify.test";
		assertThat(register(victim, "Mot-de-passe-du-pirate-2026").statusCode()).isEqualTo(202);
		TestAccounts accounts = new TestAccounts(this.people, this.organisations, this.hasher);
		Person manager = accounts.person("gestion");
		Organisation organisation = accounts.approvedOrganisation(manager);
		String managerToken = OAuthClientAccess.accessToken(base(), manager.email(), TestAccounts.PASSWORD);
		assertThat(send("POST", "/api/identity/organisations/" + organisation.id() + "/invitations", managerToken,
				"{\"email\":\"" + victim + "\",\"role\":\"MANAGER\"}").statusCode()).isEqualTo(201);
		String invitation = linkToken(content(awaitMail(victim, "Invitation")), "/auth/invitation");

		HttpResponse<String> accepted = send("POST", "/api/identity/invitations/accept", null, "{\"token\":\"" + invitation
				+ "\",\"displayName\":\"Victime\",\"password\":\"Mon-propre-mot-de-passe-2026\"}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

		assertThat(new OAuthClient(base()).authorize(victim, "Mot-de-passe-du-pirate-2026", null).code())
			.as("the squatter's password is gone").isNull();
		assertThat(OAuthClient.claims(OAuthClient.accessToken(base(), victim, "Mon-propre-mot-de-passe-2026",
				organisation.id())).get("roles").toString()).contains("MANAGER");
	}

	@Test
	void anInvitationForAnExistingAccountNeedsThatAccountSignedIn() throws Exception {
		TestAccounts accounts = new TestAccounts(this.people, this.organisations, this.hasher);
		Person manager = accounts.person("gestion");
		Person existing = accounts.person("existant");
		Person someoneElse = accounts.person("autre");
		Organisation organisation = accounts.approvedOrganisation(manager);
		String managerToken = OAuthClientAccess.accessToken(base(), manager.email(), TestAccounts.PASSWORD);
		assertThat(send("POST", "/api/identity/organisations/" + organisation.id() + "/invitations", managerToken,
				"{\"email\":\"" + existing.email() + "\",\"role\":\"MEMBER\"}").statusCode()).isEqualTo(201);
		String invitation = linkToken(content(awaitMail(existing.email(), "Invitation")), "/auth/invitation");
		String body = "{\"token\":\"" + invitation + "\"}";

		HttpResponse<String> anonymous = send("POST", "/api/identity/invitations/accept", null, body);
		assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(403);
		assertThat(anonymous.body()).contains("invitation-sign-in-required");
		String otherToken = OAuthClientAccess.accessToken(base(), someoneElse.email(), TestAccounts.PASSWORD);
		assertThat(send("POST", "/api/identity/invitations/accept", otherToken, body).statusCode()).isEqualTo(403);
		String ownToken = OAuthClientAccess.accessToken(base(), existing.email(), TestAccounts.PASSWORD);
		assertThat(send("POST", "/api/identity/invitations/accept", ownToken, body).statusCode()).isEqualTo(200);
		assertThat(this.organisations.find(organisation.id()).orElseThrow().roleOf(existing.id()))
			.contains(MembershipRole.MEMBER);
	}

	private HttpResponse<String> register(String email, String password) throws Exception {
		return send("POST", "/api/identity/organisations", null, """
				{"name":"Organisme vérifié","legalForm":"NON_PROFIT","sector":"Culture","mrc":"Roussillon",
				 "municipality":"Candiac","contactEmail":"info@verify.test","preferredLanguage":"fr",
				 "manager":{"email":"%s","displayName":"Gestion","password":"%s"}}""".formatted(email, password));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static MimeMessage awaitMails(String recipient, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessagesForDomain(recipient).length >= count);
		MimeMessage[] received = mail.getReceivedMessagesForDomain(recipient);
		return received[received.length - 1];
	}

	private static MimeMessage awaitMail(String recipient, String subject) {
		List<MimeMessage> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			found.clear();
			for (MimeMessage message : mail.getReceivedMessagesForDomain(recipient)) {
				if (message.getSubject().contains(subject)) {
					found.add(message);
				}
			}
			return !found.isEmpty();
		});
		return found.get(found.size() - 1);
	}

	private static String content(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(content(multipart.getBodyPart(i))).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

	private static String linkToken(String content, String path) {
		Matcher matcher = Pattern.compile(Pattern.quote("http://mutualis.test" + path) + "\\?token=([A-Za-z0-9_-]+)")
			.matcher(content);
		assertThat(matcher.find()).as(content).isTrue();
		return matcher.group(1);
	}

	private static String csrf(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as(page).isTrue();
		return matcher.group(1);
	}

}
