package org.mutualis.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routes balance over the configured instances of a service that are ready (their readiness probe answers 200, asked
 * every 200 ms here); a call is tried again on another instance when its connection was refused, and after it may
 * have reached an instance only when it is idempotent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mutualis.gateway.rate-limit.enabled=false", "mutualis.gateway.balancing.probe-interval=200ms" })
class LoadBalancingTest {

	private static final Instances.Healthy LISTINGS_A = new Instances.Healthy("listings-a");

	private static final Instances.Healthy LISTINGS_B = new Instances.Healthy("listings-b");

	private static final Instances.HangingUp BOOKING_HANGING_UP = new Instances.HangingUp();

	private static final Instances.Healthy BOOKING = new Instances.Healthy("booking");

	private static final Instances.Healthy NOTIFICATIONS = new Instances.Healthy("notifications");

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		FakeUpstreams.get().properties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("mutualis.gateway.services.listings", () -> LISTINGS_A.url() + "," + LISTINGS_B.url());
		registry.add("mutualis.gateway.services.booking", () -> BOOKING_HANGING_UP.url() + "," + BOOKING.url());
		// the first instance of notifications listens nowhere: every connection to it is refused
		registry.add("mutualis.gateway.services.notifications",
				() -> Instances.nowhere() + "," + NOTIFICATIONS.url());
	}

	@Test
	void spreadsCallsOverEveryReadyInstance() {
		awaitReady(LISTINGS_A.url(), "listings", 1);
		awaitReady(LISTINGS_B.url(), "listings", 1);
		int a = LISTINGS_A.of("GET");
		int b = LISTINGS_B.of("GET");
		for (int i = 0; i < 10; i++) {
			client().get().uri("/api/listings/search").exchange().expectStatus().isOk();
		}
		assertThat(LISTINGS_A.of("GET") - a).isEqualTo(5);
		assertThat(LISTINGS_B.of("GET") - b).isEqualTo(5);
	}

	@Test
	void anInstanceWhoseReadinessProbeFailsGetsNoCallUntilItIsReadyAgain() {
		try {
			LISTINGS_B.ready(false);
			awaitReady(LISTINGS_B.url(), "listings", 0);
			int b = LISTINGS_B.of("GET");
			for (int i = 0; i < 6; i++) {
				client().get().uri("/api/listings/search").exchange().expectStatus().isOk();
			}
			assertThat(LISTINGS_B.of("GET")).isEqualTo(b);
		}
		finally {
			LISTINGS_B.ready(true);
		}
		awaitReady(LISTINGS_B.url(), "listings", 1);
		int b = LISTINGS_B.of("GET");
		for (int i = 0; i < 6; i++) {
			client().get().uri("/api/listings/search").exchange().expectStatus().isOk();
		}
		assertThat(LISTINGS_B.of("GET") - b).isEqualTo(3);
	}

	@Test
	void callsToAnInstanceThatRefusesConnectionsGoToAnotherEvenWithABody() {
		for (int i = 0; i < 6; i++) {
			client().get().uri("/api/notifications/inbox")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("alice"))
				.exchange()
				.expectStatus()
				.isOk();
			// nothing reached the refusing instance, so even a call that changes something may go elsewhere
			client().post().uri("/api/notifications/unsubscribe/token-" + i)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"all\":true}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.instance").isEqualTo("notifications")
				.jsonPath("$.received").isEqualTo(12);
		}
		assertThat(NOTIFICATIONS.of("GET")).isEqualTo(6);
		assertThat(NOTIFICATIONS.of("POST")).isEqualTo(6);
	}

	@Test
	void afterAnInstanceMayHaveSeenTheCallOnlyIdempotentCallsAreRetried() {
		int hungUpGets = BOOKING_HANGING_UP.of("GET");
		// calls until the hanging-up instance (back in the balancing at each probe) has read two of them
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			client().get().uri("/api/bookings/listings/L1/availability").exchange().expectStatus().isOk();
			return BOOKING_HANGING_UP.of("GET") - hungUpGets >= 2;
		});

		List<Integer> statuses = new ArrayList<>();
		int postsBefore = BOOKING.of("POST");
		int hangUpsBefore = BOOKING_HANGING_UP.of("POST");
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			statuses.add(client().post().uri("/api/bookings/availability")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"listings\":[]}")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
			return BOOKING_HANGING_UP.of("POST") - hangUpsBefore >= 2;
		});
		long unavailable = statuses.stream().filter((status) -> status == 503).count();
		// each POST the hanging-up instance read was answered 503 and never sent again
		assertThat(unavailable).isEqualTo(BOOKING_HANGING_UP.of("POST") - hangUpsBefore);
		assertThat(BOOKING.of("POST") - postsBefore).isEqualTo(statuses.size() - unavailable);
	}

	@Test
	void aCallWithAnIdempotencyKeyItsServiceHonoursIsRetriedWithItsBody() {
		int hangUpsBefore = BOOKING_HANGING_UP.of("POST");
		int[] call = { 0 };
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			client().post().uri("/api/bookings")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("alice"))
				.header("Idempotency-Key", "key-" + call[0]++)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"listingId\":\"L1\"}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.instance").isEqualTo("booking")
				.jsonPath("$.received").isEqualTo(18);
			return BOOKING_HANGING_UP.of("POST") - hangUpsBefore >= 2;
		});
	}

	private void awaitReady(String url, String service, int ready) {
		String instance = service + "@" + url.substring("http://".length());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.meters.get("mutualis.gateway.upstream.ready")
			.tag("instance", instance)
			.gauge()
			.value() == ready);
	}

	private WebTestClient client() {
		return Instances.client(this.port);
	}

}
