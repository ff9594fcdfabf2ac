package org.mutualis.gateway;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes balance over every configured instance of a service; a call is tried again on another instance when its
 * connection was refused, and after it may have reached an instance only when it is idempotent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "mutualis.gateway.rate-limit.enabled=false")
class LoadBalancingTest {

	private static final Instances.Healthy LISTINGS_A = new Instances.Healthy("listings-a");

	private static final Instances.Healthy LISTINGS_B = new Instances.Healthy("listings-b");

	private static final Instances.HangingUp BOOKING_HANGING_UP = new Instances.HangingUp();

	private static final Instances.Healthy BOOKING = new Instances.Healthy("booking");

	private static final Instances.Healthy NOTIFICATIONS = new Instances.Healthy("notifications");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		FakeUpstreams.get().properties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("mutualis.gateway.services.listings", () -> LISTINGS_A.url() + "," + LISTINGS_B.url());
		registry.add("mutualis.gateway.services.booking", () -> BOOKING_HANGING_UP.url() + "," + BOOKING.url());
		// the first instance of notifications listens nowhere: every connection to it is refused
		registry.add("mutualis.gateway.services.notifications",
				() -> "http://127.0.0.1:" + freePort() + "," + NOTIFICATIONS.url());
	}

	@Test
	void spreadsCallsOverEveryInstance() {
		for (int i = 0; i < 10; i++) {
			client().get().uri("/api/listings/search").exchange().expectStatus().isOk();
		}
		assertThat(LISTINGS_A.of("GET")).isEqualTo(5);
		assertThat(LISTINGS_B.of("GET")).isEqualTo(5);
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
		int getsBefore = BOOKING.of("GET");
		for (int i = 0; i < 6; i++) {
			client().get().uri("/api/bookings/listings/L1/availability").exchange().expectStatus().isOk();
		}
		assertThat(BOOKING.of("GET") - getsBefore).isEqualTo(6);
		assertThat(BOOKING_HANGING_UP.of("GET")).isPositive();

		List<Integer> statuses = new ArrayList<>();
		int postsBefore = BOOKING.of("POST");
		int hangUpsBefore = BOOKING_HANGING_UP.of("POST");
		for (int i = 0; i < 6; i++) {
			statuses.add(client().post().uri("/api/bookings/availability")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"listings\":[]}")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}
		long unavailable = statuses.stream().filter((status) -> status == 503).count();
		// each POST the hanging-up instance read was answered 503 and never sent again
		assertThat(unavailable).isPositive().isEqualTo(BOOKING_HANGING_UP.of("POST") - hangUpsBefore);
		assertThat(BOOKING.of("POST") - postsBefore).isEqualTo(6 - unavailable);
	}

	@Test
	void aCallWithAnIdempotencyKeyItsServiceHonoursIsRetriedWithItsBody() {
		int hangUpsBefore = BOOKING_HANGING_UP.of("POST");
		for (int i = 0; i < 6; i++) {
			client().post().uri("/api/bookings")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("alice"))
				.header("Idempotency-Key", "key-" + i)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"listingId\":\"L1\"}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.instance").isEqualTo("booking")
				.jsonPath("$.received").isEqualTo(18);
		}
		assertThat(BOOKING_HANGING_UP.of("POST") - hangUpsBefore).isPositive();
	}

	private static int freePort() {
		try {
			return RedisProcess.freePort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

}
