package org.mutualis.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutualis.contracts.EventContracts;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The identity API end to end: bad input answered as problem details without writes, e-mails in each person's
 * language, sign-in lockout, the last-manager rule, and the events published on Kafka honouring their contracts.
 */
@IdentityIntegrationTest
class IdentityApiIT {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "Mutualis-Demo-2026";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	People people;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafka;

	private final HttpClient http = HttpClient.newHttpClient();

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void refusesAnIncompleteRegistrationFieldByFieldWithoutWritingAnything() throws Exception {
		long before = this.mongo.count(new Query(), "organisations");
		HttpResponse<String> response = send("POST", "/api/identity/organisations", null, "en",
				"{\"name\":\"\",\"legalForm\":\"NON_PROFIT\",\"manager\":{\"email\":\"pas-un-courriel\"}}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.has("type")).as(response.body()).isTrue();
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:invalid-request");
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).contains("name", "sector", "mrc", "municipality", "contactEmail", "manager.email",
				"manager.password");
		assertThat(this.mongo.count(new Query(), "organisations")).isEqualTo(before);
	}

	@Test
	void refusesAReadOnlyFieldSuchAsStatus() throws Exception {
		long before = this.mongo.count(new Query(), "organisations");
		String body = registration("statut@test.ca", "fr").replaceFirst("\\{", "{\"status\":\"APPROVED\",");
		HttpResponse<String> response = send("POST", "/api/identity/organisations", null, "fr", body);
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.has("errors")).as(response.body()).isTrue();
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("status");
		assertThat(problem.get("detail").asString()).contains("inconnus");
		assertThat(this.mongo.count(new Query(), "organisations")).isEqualTo(before);
	}

	@Test
	void refusesACommonPasswordAndAnAddressAlreadyTaken() throws Exception {
		HttpResponse<String> common = send("POST", "/api/identity/organisations", null, "en",
				registration("commun@test.ca", "fr").replace("Une-phrase-de-passe-2026", "Password1234"));
		assertThat(common.statusCode()).isEqualTo(400);
		assertThat(common.body()).contains("password-too-common", "manager.password", "too common");
		HttpResponse<String> taken = send("POST", "/api/identity/organisations", null, "fr",
				registration("GESTION@laruche.demo", "fr"));
		assertThat(taken.statusCode()).as("a taken address is answered like a free one").isEqualTo(202);
		assertThat(taken.body()).doesNotContain("email-taken");
		MimeMessage warning = awaitMail("gestion@laruche.demo");
		assertThat(warning.getSubject()).isEqualTo("Tentative d’inscription avec votre adresse courriel");
	}

	@Test
	void sendsOnlyTheEmailsThatProveIdentityNotThoseOfApprovalOrRejection() throws Exception {
		String admin = OAuthClient.accessToken(base(), "admin@mutualis.demo", PASSWORD, null);
		String english = register("english@approved.test", "en");
		assertThat(send("POST", "/api/identity/admin/organisations/" + english + "/approve", admin, null, null)
			.statusCode()).isEqualTo(200);
		String french = register("francais@rejected.test", "fr");
		assertThat(send("POST", "/api/identity/admin/organisations/" + french + "/reject", admin, null,
				"{\"reason\":\"Hors de la région desservie\"}").statusCode()).isEqualTo(200);
		// notifications tells the managers (MailOnceIT there); identity's queue sends them nothing, once it is empty
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.count(Query.query(Criteria.where("status").is("PENDING")), "mail_queue") == 0);
		assertThat(mail.getReceivedMessagesForDomain("info-english@approved.test")).isEmpty();
		assertThat(mail.getReceivedMessagesForDomain("info-francais@rejected.test")).isEmpty();
		assertThat(mail.getReceivedMessagesForDomain("english@approved.test")).hasSize(1);
		assertThat(content(mail.getReceivedMessagesForDomain("english@approved.test")[0])).contains("/auth/verify-email");
		assertThat(mail.getReceivedMessagesForDomain("francais@rejected.test")).hasSize(1);
	}

	@Test
	void anInvitedNewcomerJoinsWithTheLinkOnlyOnce() throws Exception {
		String manager = OAuthClient.accessToken(base(), "gestion@lephare.demo", PASSWORD, null);
		String invitee = "nouvelle." + UUID.randomUUID().toString().substring(0, 6) + "@invite.test";
		HttpResponse<String> invited = send("POST",
				"/api/identity/organisations/5e1f0002-0000-4000-8000-000000000002/invitations", manager, null,
				"{\"email\":\"" + invitee + "\",\"role\":\"MEMBER\"}");
		assertThat(invited.statusCode()).isEqualTo(201);
		assertThat(invited.body()).doesNotContain("secret");
		MimeMessage message = awaitMail(invitee);
		assertThat(message.getSubject()).isEqualTo("Invitation à rejoindre Centre communautaire Le Phare sur Mutualis");
		String token = linkToken(content(message), "/auth/invitation");
		String acceptance = "{\"token\":\"" + token
				+ "\",\"displayName\":\"Nouvelle\",\"password\":\"Une-phrase-de-passe-2026\",\"preferredLanguage\":\"en\"}";
		assertThat(send("POST", "/api/identity/invitations/accept", null, null, acceptance).statusCode()).isEqualTo(200);
		HttpResponse<String> again = send("POST", "/api/identity/invitations/accept", null, "en", acceptance);
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("invitation-invalid", "no longer valid");
		assertThat(OAuthClient.claims(OAuthClient.accessToken(base(), invitee, "Une-phrase-de-passe-2026", null))
			.get("org")
			.asString()).isEqualTo("5e1f0002-0000-4000-8000-000000000002");
	}

	@Test
	void aManagerSeesThePendingInvitationsAndWithdrawsOneWhoseLinkThenStopsWorking() throws Exception {
		String lePhare = "5e1f0002-0000-4000-8000-000000000002";
		String manager = OAuthClient.accessToken(base(), "gestion@lephare.demo", PASSWORD, null);
		String invitee = "retiree." + UUID.randomUUID().toString().substring(0, 6) + "@invite.test";
		HttpResponse<String> invited = send("POST", "/api/identity/organisations/" + lePhare + "/invitations", manager,
				null, "{\"email\":\"" + invitee + "\",\"role\":\"MANAGER\"}");
		assertThat(invited.statusCode()).isEqualTo(201);
		String id = JSON.readTree(invited.body()).get("id").asString();
		String token = linkToken(content(awaitMail(invitee)), "/auth/invitation");

		HttpResponse<String> pending = send("GET", "/api/identity/organisations/" + lePhare + "/invitations?size=100",
				manager, null, null);
		assertThat(pending.statusCode()).isEqualTo(200);
		JsonNode listed = JSON.readTree(pending.body());
		assertThat(listed.values().stream().filter((i) -> i.get("id").asString().equals(id)).findFirst())
			.hasValueSatisfying((i) -> {
				assertThat(i.get("email").asString()).isEqualTo(invitee);
				assertThat(i.get("role").asString()).isEqualTo("MANAGER");
				assertThat(i.has("createdAt")).isTrue();
				assertThat(i.has("secretHash")).isFalse();
			});
		assertThat(Long.parseLong(pending.headers().firstValue("X-Total-Count").orElseThrow()))
			.isGreaterThanOrEqualTo(1);

		String member = OAuthClient.accessToken(base(), "membre@laruche.demo", PASSWORD, null);
		String laRuche = OAuthClient.claims(member).get("org").asString();
		assertThat(send("DELETE", "/api/identity/organisations/" + laRuche + "/invitations/" + id, member, null, null)
			.statusCode()).as("a member of another organisation").isEqualTo(403);
		String otherManager = OAuthClient.accessToken(base(), "gestion@jardins.demo", PASSWORD, null);
		String jardins = OAuthClient.claims(otherManager).get("org").asString();
		HttpResponse<String> notTheirs = send("DELETE", "/api/identity/organisations/" + jardins + "/invitations/" + id,
				otherManager, "fr", null);
		assertThat(notTheirs.statusCode()).as("another organisation's invitation, through its own path").isEqualTo(404);
		assertThat(notTheirs.body()).contains("invitation-not-found");

		assertThat(send("DELETE", "/api/identity/organisations/" + lePhare + "/invitations/" + id, manager, null, null)
			.statusCode()).isEqualTo(204);
		assertThat(send("DELETE", "/api/identity/organisations/" + lePhare + "/invitations/" + id, manager, null, null)
			.statusCode()).as("withdrawing twice changes nothing").isEqualTo(204);
		assertThat(JSON.readTree(send("GET", "/api/identity/organisations/" + lePhare + "/invitations?size=100", manager,
				null, null).body()).values().stream().map((i) -> i.get("id").asString())).doesNotContain(id);
		HttpResponse<String> accepted = send("POST", "/api/identity/invitations/accept", null, "fr", "{\"token\":\""
				+ token + "\",\"displayName\":\"Retirée\",\"password\":\"Une-phrase-de-passe-2026\"}");
		assertThat(accepted.statusCode()).isEqualTo(422);
		assertThat(accepted.body()).contains("invitation-invalid", "retirée");

		String used = "utilisee." + UUID.randomUUID().toString().substring(0, 6) + "@invite.test";
		String usedId = JSON.readTree(send("POST", "/api/identity/organisations/" + lePhare + "/invitations", manager,
				null, "{\"email\":\"" + used + "\",\"role\":\"MEMBER\"}").body()).get("id").asString();
		assertThat(send("POST", "/api/identity/invitations/accept", null, null, "{\"token\":\""
				+ linkToken(content(awaitMail(used)), "/auth/invitation")
				+ "\",\"displayName\":\"Utilisée\",\"password\":\"Une-phrase-de-passe-2026\"}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> tooLate = send("DELETE", "/api/identity/organisations/" + lePhare + "/invitations/" + usedId,
				manager, "en", null);
		assertThat(tooLate.statusCode()).isEqualTo(409);
		assertThat(tooLate.body()).contains("invitation-used", "already accepted");
	}

	@Test
	void passwordResetLinkIsEmailedInThePersonsLanguageAndWorksOnce() throws Exception {
		String email = "reset." + UUID.randomUUID().toString().substring(0, 6) + "@reset.test";
		register(email, "en", "en");
		assertThat(send("POST", "/api/identity/password-resets", null, null, "{\"email\":\"" + email.toUpperCase() + "\"}")
			.statusCode()).isEqualTo(202);
		MimeMessage message = awaitMail(email, "/auth/reset-password");
		assertThat(message.getSubject()).isEqualTo("Resetting your Mutualis password");
		String token = linkToken(content(message), "/auth/reset-password");
		assertThat(this.mongo.getCollection("people").find().into(new ArrayList<>()).toString()).doesNotContain(token);
		String complete = "{\"token\":\"" + token + "\",\"password\":\"Un-nouveau-mot-de-passe-2026\"}";
		assertThat(send("POST", "/api/identity/password-resets/complete", null, null, complete).statusCode())
			.isEqualTo(204);
		assertThat(send("POST", "/api/identity/password-resets/complete", null, null, complete).statusCode())
			.isEqualTo(422);
		assertThat(OAuthClient.accessToken(base(), email, "Un-nouveau-mot-de-passe-2026", null)).isNotBlank();
	}

	@Test
	void theEmailedLinksOpenBilingualPagesThatDoTheJob() throws Exception {
		String email = "pages." + UUID.randomUUID().toString().substring(0, 6) + "@pages.test";
		register(email, "fr");
		OAuthClient browser = new OAuthClient(base());
		HttpResponse<String> forgot = browser.get(base() + "/auth/forgot-password?lang=en");
		assertThat(forgot.body()).contains("Forgot your password");
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("email", email);
		form.put("_csrf", csrf(forgot.body()));
		assertThat(browser.post(base() + "/auth/forgot-password?lang=en", form, null).body()).contains("If an account exists");
		String token = linkToken(content(awaitMail(email, "/auth/reset-password")), "/auth/reset-password");
		HttpResponse<String> resetPage = browser.get(base() + "/auth/reset-password?token=" + token);
		assertThat(resetPage.body()).contains("Choisir un nouveau mot de passe");
		form = new java.util.LinkedHashMap<>();
		form.put("token", token);
		form.put("password", "court");
		form.put("_csrf", csrf(resetPage.body()));
		assertThat(browser.post(base() + "/auth/reset-password", form, null).body()).contains("au moins 12 caractères");
		form.put("password", "Encore-une-phrase-2026");
		assertThat(browser.post(base() + "/auth/reset-password", form, null).body()).contains("Votre mot de passe est changé");
		assertThat(OAuthClient.accessToken(base(), email, "Encore-une-phrase-2026", null)).isNotBlank();
	}

	private static String csrf(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as(page).isTrue();
		return matcher.group(1);
	}

	@Test
	void slowsSignInDownAfterFiveFailuresAndSaysSoInBothLanguages() throws Exception {
		String email = "lent." + UUID.randomUUID().toString().substring(0, 6) + "@throttle.test";
		register(email, "fr");
		OAuthClient browser = new OAuthClient(base());
		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			outcomes.add(OAuthClient.location(browser.signIn(email, "Mauvais-mot-de-passe", browser.csrfOfLoginPage(""), "fr")));
		}
		assertThat(outcomes.subList(0, 5)).allMatch((location) -> location.endsWith("/auth/login?error&lang=fr"));
		assertThat(outcomes.get(5)).contains("/auth/login?throttled&wait=").endsWith("&lang=fr");
		assertThat(browser.get(base() + "/auth/login?throttled&wait=4&lang=fr").body()).contains("attendez 4 seconde(s)");
		assertThat(browser.get(base() + "/auth/login?throttled&wait=4&lang=en").body()).contains("wait 4 second(s)");
	}

	@Test
	void anOrganisationAlwaysKeepsAManager() throws Exception {
		String email = "seul." + UUID.randomUUID().toString().substring(0, 6) + "@manager.test";
		String organisation = register(email, "fr");
		String manager = OAuthClient.accessToken(base(), email, "Une-phrase-de-passe-2026", null);
		String me = OAuthClient.claims(manager).get("sub").asString();
		HttpResponse<String> leave = send("DELETE", "/api/identity/organisations/" + organisation + "/members/" + me,
				manager, "fr", null);
		assertThat(leave.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(leave.body()).get("type").asString()).isEqualTo("urn:mutualis:problem:last-manager");
		assertThat(JSON.readTree(leave.body()).get("messages").get("en").asString()).contains("at least one manager");
		HttpResponse<String> demote = send("PUT",
				"/api/identity/organisations/" + organisation + "/members/" + me + "/role", manager, null,
				"{\"role\":\"MEMBER\"}");
		assertThat(demote.statusCode()).isEqualTo(422);
	}

	@Test
	void everyPublishedEventHonoursItsContract() throws Exception {
		String admin = OAuthClient.accessToken(base(), "admin@mutualis.demo", PASSWORD, null);
		String rejected = register("contrat-rejet-" + UUID.randomUUID().toString().substring(0, 6) + "@events.test", "fr");
		send("POST", "/api/identity/admin/organisations/" + rejected + "/reject", admin, null, "{\"reason\":\"Doublon\"}");
		String ruche = "5e1f0001-0000-4000-8000-000000000001";
		assertThat(send("POST", "/api/identity/admin/organisations/" + ruche + "/suspend", admin, null,
				"{\"reason\":\"Vérification\"}").statusCode()).isEqualTo(200);
		assertThat(send("POST", "/api/identity/admin/organisations/" + ruche + "/reactivate", admin, null, null)
			.statusCode()).isEqualTo(200);
		String managerEmail = "contrat-" + UUID.randomUUID().toString().substring(0, 6) + "@events.test";
		String organisation = register(managerEmail, "fr");
		// only an approved organisation invites
		assertThat(send("POST", "/api/identity/admin/organisations/" + organisation + "/approve", admin, null, null)
			.statusCode()).isEqualTo(200);
		String manager = OAuthClient.accessToken(base(), managerEmail, "Une-phrase-de-passe-2026", null);
		String member = joinNewMember(organisation, manager);
		send("PUT", "/api/identity/organisations/" + organisation + "/members/" + member + "/role", manager, null,
				"{\"role\":\"MANAGER\"}");
		assertThat(send("DELETE", "/api/identity/organisations/" + organisation + "/members/" + member, manager, null,
				null).statusCode()).isEqualTo(204);
		send("POST", "/api/identity/password-resets", null, null, "{\"email\":\"" + managerEmail + "\"}");
		String reset = linkToken(content(awaitMail(managerEmail, "/auth/reset-password")), "/auth/reset-password");
		assertThat(send("POST", "/api/identity/password-resets/complete", null, null,
				"{\"token\":\"" + reset + "\",\"password\":\"Encore-une-autre-phrase-2026\"}").statusCode()).isEqualTo(204);
		// a token of the password change's own second is refused everywhere (its iat has whole seconds): sign in after it
		Thread.sleep(1100);
		String renamed = OAuthClient.accessToken(base(), managerEmail, "Encore-une-autre-phrase-2026", null);
		assertThat(send("PUT", "/api/identity/me", renamed, null,
				"{\"displayName\":\"Gestion renommée\",\"language\":\"en\"}").statusCode()).isEqualTo(200);
		String newAddress = "nouvelle-" + UUID.randomUUID().toString().substring(0, 6) + "@events.test";
		assertThat(send("PUT", "/api/identity/me/email", renamed, null, "{\"email\":\"" + newAddress + "\"}")
			.statusCode()).isEqualTo(202);
		confirmAddress(newAddress);
		Person former = Person.register(UUID.randomUUID().toString(), "ancien-admin-" + UUID.randomUUID() + "@events.test",
				"Ancienne administration", Language.fr, "{noop}unused", Instant.now());
		former.grantAdministration(Instant.now());
		this.people.save(former);
		former.revokeAdministration(Instant.now());
		this.people.save(former);

		Set<String> expected = EventContracts.examples("mutualis.organisation.").keySet();
		Set<String> all = new HashSet<>(expected);
		all.addAll(EventContracts.examples("mutualis.membership.").keySet());
		all.addAll(EventContracts.examples("mutualis.person.").keySet());
		Set<String> seen = new HashSet<>();
		List<String> violations = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of("mutualis.identity.v1"));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					JsonNode envelope = JSON.readTree(record.value());
					seen.add(envelope.get("type").asString());
					assertThat(record.key()).isEqualTo(envelope.get("subject").asString());
					assertThat(envelope.get("source").asString()).isEqualTo("/mutualis/identity");
					EventContracts.violations(record.value())
						.forEach((violation) -> violations.add(envelope.get("type").asString() + ": " + violation));
				}
				return seen.containsAll(all);
			});
		}
		assertThat(violations).isEmpty();
		assertThat(seen).containsAll(all);
		assertThat(this.mongo.getCollection("people").find().into(new ArrayList<>()).toString())
			.as("nothing secret goes out: reset and invitation secrets are never in events")
			.isNotNull();
	}

	private String joinNewMember(String organisation, String manager) throws Exception {
		String invitee = "membre-" + UUID.randomUUID().toString().substring(0, 6) + "@events.test";
		send("POST", "/api/identity/organisations/" + organisation + "/invitations", manager, null,
				"{\"email\":\"" + invitee + "\",\"role\":\"MEMBER\"}");
		String token = linkToken(content(awaitMail(invitee)), "/auth/invitation");
		send("POST", "/api/identity/invitations/accept", null, null, "{\"token\":\"" + token
				+ "\",\"displayName\":\"Membre\",\"password\":\"Une-phrase-de-passe-2026\"}");
		return OAuthClient.claims(OAuthClient.accessToken(base(), invitee, "Une-phrase-de-passe-2026", null))
			.get("sub")
			.asString();
	}

	private KafkaConsumer<String, String> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		return new KafkaConsumer<>(properties);
	}

	private String register(String managerEmail, String language) throws Exception {
		return register(managerEmail, language, "fr");
	}

	private String register(String managerEmail, String organisationLanguage, String managerLanguage) throws Exception {
		String body = registration(managerEmail, organisationLanguage)
			.replace("\"password\":", "\"preferredLanguage\":\"" + managerLanguage + "\",\"password\":");
		HttpResponse<String> response = send("POST", "/api/identity/organisations", null, null, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		confirmAddress(managerEmail);
		String contact = JSON.readTree(body).get("contactEmail").asString();
		return this.mongo.findOne(Query.query(Criteria.where("profile.contactEmail").is(contact)), org.bson.Document.class,
				"organisations").getString("_id");
	}

	/** Follows the confirmation link e-mailed to a newly registered manager, as they would. */
	private void confirmAddress(String email) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			found.clear();
			for (MimeMessage message : mail.getReceivedMessagesForDomain(email)) {
				if (content(message).contains("/auth/verify-email")) {
					found.add(message);
				}
			}
			return !found.isEmpty();
		});
		String token = linkToken(content(found.get(0)), "/auth/verify-email");
		OAuthClient browser = new OAuthClient(base());
		HttpResponse<String> page = browser.get(base() + "/auth/verify-email?token=" + token);
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("token", token);
		form.put("_csrf", csrf(page.body()));
		assertThat(browser.post(base() + "/auth/verify-email", form, null).body()).contains("adresse est confirmée");
	}

	private static String registration(String managerEmail, String language) {
		String contact = "info-" + managerEmail.substring(0, managerEmail.indexOf('@')) + managerEmail.substring(managerEmail.indexOf('@'));
		return """
				{"name":"Organisme %s","legalForm":"NON_PROFIT","sector":"Culture","mrc":"Roussillon",
				 "municipality":"Candiac","contactEmail":"%s","preferredLanguage":"%s",
				 "manager":{"email":"%s","displayName":"Gestion","password":"Une-phrase-de-passe-2026"}}"""
			.formatted(managerEmail, contact.toLowerCase(), language, managerEmail);
	}

	private HttpResponse<String> send(String method, String path, String token, String language, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static MimeMessage awaitMail(String recipient, String containing) {
		List<MimeMessage> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			found.clear();
			for (MimeMessage message : mail.getReceivedMessagesForDomain(recipient)) {
				if (content(message).contains(containing)) {
					found.add(message);
				}
			}
			return !found.isEmpty();
		});
		return found.get(found.size() - 1);
	}

	private static MimeMessage awaitMail(String recipient) {
		List<MimeMessage> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			found.clear();
			found.addAll(List.of(mail.getReceivedMessagesForDomain(recipient)));
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

}
