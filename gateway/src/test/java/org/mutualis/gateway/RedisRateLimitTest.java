package org.mutualis.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Budgets kept in a real Redis: two gateway instances share each person's and each e-mail address's budget; without Redis, the gateway
 * counts locally or refuses, as configured.
 */
class RedisRateLimitTest {

	private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	private static RedisProcess redis;

	private static WebTestClient first;

	private static WebTestClient second;

	private static WebTestClient withoutRedisLocal;

	private static WebTestClient withoutRedisRejecting;

	@BeforeAll
	static void startRedisAndGateways() throws Exception {
		assumeTrue(RedisProcess.available(), "redis-server is not installed");
		redis = RedisProcess.start();
		first = gateway(redis.url(), "local");
		second = gateway(redis.url(), "local");
		// the first call opens the Redis connection and fetches the key set; keep that out of the counted calls
		for (WebTestClient gateway : List.of(first, second)) {
			call(gateway, TestTokens.valid("warm-up-" + UUID.randomUUID())).expectStatus().isOk();
		}
		String nowhere = "redis://127.0.0.1:" + RedisProcess.freePort();
		withoutRedisLocal = gateway(nowhere, "local");
		withoutRedisRejecting = gateway(nowhere, "reject");
	}

	@AfterAll
	static void stopAll() throws Exception {
		gateways.forEach(ConfigurableApplicationContext::close);
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void twoGatewaysShareOnePersonsBudget() {
		String token = TestTokens.valid("shared-" + UUID.randomUUID());
		for (int i = 0; i < 4; i++) {
			call((i % 2 == 0) ? first : second, token).expectStatus().isOk();
		}
		call(first, token).expectStatus().isEqualTo(429);
		call(second, token).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:too-many-requests");
	}

	@Test
	void twoGatewaysShareTheBudgetOfOneEmailAddress() {
		// the default rules: password reset requests, 3 an hour per e-mail address (5 per 15 minutes per client)
		String email = "shared-" + UUID.randomUUID() + "@example.org";
		for (int i = 0; i < 3; i++) {
			resetRequest((i % 2 == 0) ? first : second, email).expectStatus().isOk();
		}
		resetRequest(second, email).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:too-many-requests");
		resetRequest(first, email).expectStatus().isEqualTo(429);
	}

	@Test
	void countsLocallyWhenRedisIsDown() {
		String token = TestTokens.valid("degraded-" + UUID.randomUUID());
		for (int i = 0; i < 4; i++) {
			call(withoutRedisLocal, token).expectStatus().isOk();
		}
		call(withoutRedisLocal, token).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void refusesWhenRedisIsDownAndConfiguredToReject() {
		call(withoutRedisRejecting, TestTokens.valid("strict-" + UUID.randomUUID())).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:rate-limit-unavailable");
	}

	private static WebTestClient.ResponseSpec resetRequest(WebTestClient gateway, String email) {
		return gateway.post()
			.uri("/api/identity/password-resets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"" + email + "\"}")
			.exchange();
	}

	private static WebTestClient.ResponseSpec call(WebTestClient gateway, String token) {
		return gateway.get().uri("/api/bookings/mine").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private static WebTestClient gateway(String redisUrl, String whenRedisUnavailable) {
		Map<String, Object> properties = new LinkedHashMap<>(FakeUpstreams.get().properties());
		properties.put("server.port", "0");
		properties.put("spring.data.redis.url", redisUrl);
		properties.put("mutualis.gateway.rate-limit.store", "redis");
		properties.put("mutualis.gateway.rate-limit.when-redis-unavailable", whenRedisUnavailable);
		properties.put("mutualis.gateway.rate-limit.authenticated.requests", "4");
		// generous, so that a slow shared test machine does not turn a shared count into a local one
		properties.put("mutualis.gateway.rate-limit.redis-timeout", "3s");
		properties.put("logging.structured.format.console", "");
		// command-line arguments, so that they win over application.yml
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
			.run(arguments);
		gateways.add(context);
		String port = context.getEnvironment().getProperty("local.server.port");
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
