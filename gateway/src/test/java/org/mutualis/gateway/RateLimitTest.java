package org.mutualis.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** Budgets kept in memory: five calls a minute per person and three logins per address in this context. */
class RateLimitTest extends GatewayTestSupport {

	@Test
	void sixthCallOfAPersonInTheWindowIsRefusedWithRetryAfter() {
		String token = TestTokens.valid("busy-" + UUID.randomUUID());
		for (int i = 0; i < 5; i++) {
			call(token).expectStatus().isOk();
		}
		call(token).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER,
					(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:too-many-requests")
			.jsonPath("$.status")
			.isEqualTo(429);
	}

	@Test
	void onePersonsBurstDoesNotLimitAnother() {
		String greedy = TestTokens.valid("greedy-" + UUID.randomUUID());
		for (int i = 0; i < 6; i++) {
			call(greedy);
		}
		call(TestTokens.valid("patient-" + UUID.randomUUID())).expectStatus().isOk();
	}

	@Test
	void loginAttemptsAreLimitedPerAddress() {
		for (int i = 0; i < 3; i++) {
			login().expectStatus().isOk();
		}
		login().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
	}

	private ResponseSpec call(String token) {
		return client().get().uri("/api/bookings/mine").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private ResponseSpec login() {
		return client().post()
			.uri("/auth/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("username=a&password=b")
			.exchange();
	}

}
