package org.mutualis.gateway;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls that send e-mail or test a credential have their own budgets, kept in memory: per client address, and
 * per e-mail address or link token whichever address the calls come from. Each test speaks from its own client
 * addresses (one trusted proxy hop, {@code X-Forwarded-For}), so that budgets do not leak between tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mutualis.gateway.rate-limit.trusted-proxies=1",
				"mutualis.gateway.rate-limit.strict[0].name=password-reset",
				"mutualis.gateway.rate-limit.strict[0].method=POST",
				"mutualis.gateway.rate-limit.strict[0].path=/api/identity/password-resets",
				"mutualis.gateway.rate-limit.strict[0].requests=4", "mutualis.gateway.rate-limit.strict[0].per=1m",
				"mutualis.gateway.rate-limit.strict[0].per-target.fields=email",
				"mutualis.gateway.rate-limit.strict[0].per-target.requests=2",
				"mutualis.gateway.rate-limit.strict[0].per-target.per=1h",
				"mutualis.gateway.rate-limit.strict[1].name=password-reset",
				"mutualis.gateway.rate-limit.strict[1].method=POST",
				"mutualis.gateway.rate-limit.strict[1].path=/auth/forgot-password",
				"mutualis.gateway.rate-limit.strict[1].requests=4", "mutualis.gateway.rate-limit.strict[1].per=1m",
				"mutualis.gateway.rate-limit.strict[1].per-target.fields=email",
				"mutualis.gateway.rate-limit.strict[1].per-target.requests=2",
				"mutualis.gateway.rate-limit.strict[1].per-target.per=1h",
				"mutualis.gateway.rate-limit.strict[2].name=registration",
				"mutualis.gateway.rate-limit.strict[2].method=POST",
				"mutualis.gateway.rate-limit.strict[2].path=/api/identity/organisations",
				"mutualis.gateway.rate-limit.strict[2].requests=5", "mutualis.gateway.rate-limit.strict[2].per=1h",
				"mutualis.gateway.rate-limit.strict[2].per-target.fields=manager.email",
				"mutualis.gateway.rate-limit.strict[2].per-target.requests=2",
				"mutualis.gateway.rate-limit.strict[2].per-target.per=1h",
				"mutualis.gateway.rate-limit.strict[3].name=invitation",
				"mutualis.gateway.rate-limit.strict[3].method=POST",
				"mutualis.gateway.rate-limit.strict[3].path=/api/identity/invitations/**",
				"mutualis.gateway.rate-limit.strict[3].requests=5", "mutualis.gateway.rate-limit.strict[3].per=15m",
				"mutualis.gateway.rate-limit.strict[3].per-target.fields=token,$person",
				"mutualis.gateway.rate-limit.strict[3].per-target.requests=2",
				"mutualis.gateway.rate-limit.strict[3].per-target.per=15m",
				"mutualis.gateway.rate-limit.strict[4].name=token", "mutualis.gateway.rate-limit.strict[4].method=POST",
				"mutualis.gateway.rate-limit.strict[4].path=/oauth2/token",
				"mutualis.gateway.rate-limit.strict[4].requests=3", "mutualis.gateway.rate-limit.strict[4].per=5m" })
class StrictRateLimitTest {

	private static final AtomicInteger nextAddress = new AtomicInteger(1);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		FakeUpstreams.get().properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void resetRequestsForOneAddressAreLimitedFromEveryClientAddress() {
		String email = "victim-" + UUID.randomUUID() + "@example.org";
		resetRequest(newAddress(), email).expectStatus().isOk();
		resetRequest(newAddress(), email.toUpperCase()).expectStatus().isOk();
		resetRequest(newAddress(), email).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER,
					(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(3000L, 3600L))
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:too-many-requests")
			.jsonPath("$.messages.en")
			.exists()
			.jsonPath("$.messages.fr")
			.exists();
		resetRequest(newAddress(), "someone-else-" + UUID.randomUUID() + "@example.org").expectStatus().isOk();
	}

	@Test
	void theFormAndTheApiShareOneBudgetPerAddress() {
		String email = "forgetful-" + UUID.randomUUID() + "@example.org";
		client().post()
			.uri("/auth/forgot-password")
			.header("X-Forwarded-For", newAddress())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("_csrf=x&email=" + email.replace("@", "%40"))
			.exchange()
			.expectStatus()
			.isOk();
		resetRequest(newAddress(), email).expectStatus().isOk();
		resetRequest(newAddress(), email).expectStatus().isEqualTo(429);
	}

	@Test
	void oneClientAddressIsLimitedWhateverAddressesItAsksFor() {
		String address = newAddress();
		for (int i = 0; i < 4; i++) {
			resetRequest(address, "many-" + UUID.randomUUID() + "@example.org").expectStatus().isOk();
		}
		resetRequest(address, "many-" + UUID.randomUUID() + "@example.org").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void theServiceReceivesTheBodyUnchanged() {
		String body = "{\"email\":\"intact-" + UUID.randomUUID() + "@example.org\",\"note\":\"é\"}";
		client().post()
			.uri("/api/identity/password-resets")
			.header("X-Forwarded-For", newAddress())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("identity")
			.jsonPath("$.received")
			.isEqualTo(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
	}

	@Test
	void registrationsAreLimitedPerManagerEmail() {
		String email = "manager-" + UUID.randomUUID() + "@example.org";
		registration(newAddress(), email).expectStatus().isOk();
		registration(newAddress(), email).expectStatus().isOk();
		registration(newAddress(), email).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void aCallWithoutTargetIsCountedPerClientAddressOnly() {
		String address = newAddress();
		for (int i = 0; i < 5; i++) {
			client().post()
				.uri("/api/identity/organisations")
				.header("X-Forwarded-For", address)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"name\":\"no manager\"}")
				.exchange()
				.expectStatus()
				.isOk();
		}
		registration(address, "late-" + UUID.randomUUID() + "@example.org").expectStatus().isEqualTo(429);
	}

	@Test
	void invitationLinksAreLimitedPerToken() {
		String token = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			acceptance(newAddress(), token, null).expectStatus().isOk();
		}
		acceptance(newAddress(), token, null).expectStatus().isEqualTo(429);
		acceptance(newAddress(), UUID.randomUUID().toString(), null).expectStatus().isOk();
	}

	@Test
	void aSignedInPersonWithoutTokenInTheBodyIsLimitedAsThePerson() {
		String person = TestTokens.valid("joiner-" + UUID.randomUUID());
		for (int i = 0; i < 2; i++) {
			client().post()
				.uri("/api/identity/invitations/accept")
				.header("X-Forwarded-For", newAddress())
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + person)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isOk();
		}
		client().post()
			.uri("/api/identity/invitations/accept")
			.header("X-Forwarded-For", newAddress())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + person)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(429);
	}

	@Test
	void theTokenEndpointIsLimitedPerClientAddress() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			tokenRequest(address).expectStatus().isOk();
		}
		tokenRequest(address).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		tokenRequest(newAddress()).expectStatus().isOk();
	}

	@Test
	void anOversizedBodyOnACallWithATargetIsRefusedAs413() {
		String body = "{\"email\":\"" + "x".repeat(70 * 1024) + "\"}";
		client().post()
			.uri("/api/identity/password-resets")
			.header("X-Forwarded-For", newAddress())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:too-large");
	}

	private ResponseSpec resetRequest(String from, String email) {
		return client().post()
			.uri("/api/identity/password-resets")
			.header("X-Forwarded-For", from)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"" + email + "\"}")
			.exchange();
	}

	private ResponseSpec registration(String from, String email) {
		return client().post()
			.uri("/api/identity/organisations")
			.header("X-Forwarded-For", from)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Jardins\",\"manager\":{\"displayName\":\"M\",\"email\":\"" + email + "\"}}")
			.exchange();
	}

	private ResponseSpec acceptance(String from, String token, String bearer) {
		WebTestClient.RequestBodySpec request = client().post()
			.uri("/api/identity/invitations/accept")
			.header("X-Forwarded-For", from);
		if (bearer != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
		}
		return request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"token\":\"" + token + "\",\"displayName\":\"Nouvelle\"}")
			.exchange();
	}

	private ResponseSpec tokenRequest(String from) {
		return client().post()
			.uri("/oauth2/token")
			.header("X-Forwarded-For", from)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=authorization_code&code=guess&client_id=mutualis-cli")
			.exchange();
	}

	/** A client address of its own (TEST-NET-2), so that no other test has spent its budget. */
	private static String newAddress() {
		int n = nextAddress.getAndIncrement();
		return "198.51.100." + n;
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

}
