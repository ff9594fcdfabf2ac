package org.mutualis.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutualis.gateway.web.OpenStreams;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each path reaches its service unchanged, with the public host and the caller's token. */
class RoutingTest extends GatewayTestSupport {

	@Autowired
	private OpenStreams openStreams;

	@ParameterizedTest
	@CsvSource({ "/api/identity/regions, identity", "/oauth2/authorize, identity",
			"/.well-known/openid-configuration, identity", "/auth/login, identity", "/userinfo, identity",
			"/connect/register, identity", "/api/listings/search, listings", "/api/listings/categories, listings",
			"/api/bookings/mine, booking", "/api/notifications/inbox, notifications", "/, web",
			"/listings/42, web", "/css/site.css, web" })
	void routesEachPathToItsServiceUnchanged(String path, String service) {
		client().get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("routing-" + service))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.path")
			.isEqualTo(path);
	}

	@ParameterizedTest
	@CsvSource({ "/api/nothing-here/1", "/actuator/env", "/actuator/loggers/ROOT", "/actuator/prometheus/extra" })
	void pathsNoServiceClaimsNeverReachTheWebApplication(String path) {
		// an /api path no route claims; an /actuator path the gateway's own actuator does not answer (web's is not public)
		client().get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("lost"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:not-found")
			.jsonPath("$.service")
			.doesNotExist();
	}

	@Test
	void serverSentEventsAreStreamedNotBuffered() {
		long start = System.nanoTime();
		List<Long> arrivals = new CopyOnWriteArrayList<>();
		Flux<String> events = events("/api/notifications/stream").doOnNext((event) -> arrivals.add((System.nanoTime() - start) / 1_000_000));
		StepVerifier.create(events).expectNext("first", "second").verifyComplete();
		// the first event arrived well before the upstream sent the second
		assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThan(FakeUpstreams.STREAM_PAUSE_MILLIS / 2);
	}

	@Test
	void stoppingEndsTheRelayedStreamsAndTheirUpstreamConnectionsSoThatShutdownDoesNotWaitForThem() {
		int closedBefore = FakeUpstreams.ENDLESS_STREAMS_CLOSED.get();
		Flux<String> events = events("/api/notifications/endless-stream");
		try {
			StepVerifier.create(events)
				.expectNext("first")
				.then(this.openStreams::stop)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> FakeUpstreams.ENDLESS_STREAMS_CLOSED.get() > closedBefore);
			// a stream opened while stopping ends at once
			StepVerifier.create(events("/api/notifications/endless-stream")).expectComplete().verify(Duration.ofSeconds(10));
		}
		finally {
			this.openStreams.start();
		}
	}

	/** The server-sent events of a path, as the gateway relays them. */
	private Flux<String> events(String path) {
		return client().get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("listener"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	@Test
	void relaysTheBearerTokenUnchanged() {
		String token = TestTokens.valid("relay");
		client().get()
			.uri("/api/bookings/mine")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authorization")
			.isEqualTo("Bearer " + token);
	}

	@Test
	void authorizationServerSeesThePublicHost() {
		client().get()
			.uri("/.well-known/openid-configuration")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.host")
			.isEqualTo("localhost:" + this.port);
	}

	@Test
	void servicesLearnTheOriginalHostSchemeAndClientNotForgedOnes() {
		client().get()
			.uri("/oauth2/authorize")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "gopher")
			.header("X-Forwarded-For", "6.6.6.6")
			.header("Forwarded", "for=6.6.6.6;host=evil.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.forwardedHost")
			.isEqualTo("localhost:" + this.port)
			.jsonPath("$.forwardedProto")
			.isEqualTo("http")
			.jsonPath("$.forwardedFor")
			.value(String.class, (client) -> assertThat(client).isNotEmpty().doesNotContain("6.6.6.6"))
			.jsonPath("$.forwarded")
			.value(String.class, (forwarded) -> assertThat(forwarded).doesNotContain("6.6.6.6", "evil"));
	}

	@Test
	void nonApiPathsPassWithoutTokenValidation() {
		client().get()
			.uri("/userinfo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-even-a-jwt")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("identity");
	}

	@Test
	void tokenlessPostToTheWebAppIsNotRefusedForCsrf() {
		client().post()
			.uri("/auth/consent")
			.bodyValue("a=b")
			.exchange()
			.expectStatus()
			.isOk();
	}

}
