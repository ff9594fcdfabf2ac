package org.mutualis.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With identity (and its key set) down, the gateway still starts and serves what does not need it; what does is
 * a 503 problem, never a 500 or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpstreamDownTest {

	/** A port that was free a moment ago: nothing listens there. */
	private static final String NOWHERE = nowhere();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		FakeUpstreams.get().properties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("mutualis.gateway.services.identity", () -> NOWHERE);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> NOWHERE + "/oauth2/jwks");
	}

	@Test
	void startsAndServesOthersWhileIdentityIsDown() {
		client().get().uri("/api/listings/search").exchange().expectStatus().isOk();
	}

	@Test
	void unreachableServiceIsServiceUnavailable() {
		client().get()
			.uri("/api/identity/regions")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:service-unavailable")
			.jsonPath("$.detail")
			.isEqualTo("The service is temporarily unavailable.")
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void tokenThatCannotBeCheckedIsServiceUnavailable() {
		client().get()
			.uri("/api/bookings/mine")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("alice"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static String nowhere() {
		try {
			return "http://127.0.0.1:" + RedisProcess.freePort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

}
