package org.mutualis.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service that does not answer yields 503 problem+json, never a 500 or a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpstreamDownTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		FakeUpstreams.get().properties().forEach((name, value) -> registry.add(name, () -> value));
		// nothing listens on port 1
		registry.add("mutualis.gateway.services.booking", () -> "http://127.0.0.1:1");
	}

	@Test
	void unreachableServiceIsServiceUnavailable() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/api/bookings/mine")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("alice"))
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

}
