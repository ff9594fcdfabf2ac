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
 * What a rolling restart does to a call, between two readiness probes (none runs here: the interval is an hour): an
 * instance that refuses the connection (stopped) or answers {@code 503} (shutting down) is left out of the
 * balancing, and the call is tried on the other instance when that cannot apply it twice — a {@code GET}, a refused
 * connection, a {@code POST} with an {@code Idempotency-Key} its service honours — but a {@code POST} without one that
 * was answered {@code 503} is answered {@code 503}, never sent again. Each service has one failing instance of two,
 * and round robin sends one of any two calls to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mutualis.gateway.rate-limit.enabled=false", "mutualis.gateway.balancing.probe-interval=1h" })
class UpstreamFailoverTest {

	private static final Instances.Unavailable LISTINGS_DRAINING = new Instances.Unavailable("listings-draining");

	private static final Instances.Healthy LISTINGS = new Instances.Healthy("listings");

	private static final Instances.Unavailable NOTIFICATIONS_DRAINING = new Instances.Unavailable(
			"notifications-draining");

	private static final Instances.Healthy NOTIFICATIONS = new Instances.Healthy("notifications");

	private static final Instances.Unavailable BOOKING_DRAINING = new Instances.Unavailable("booking-draining");

	private static final Instances.Healthy BOOKING = new Instances.Healthy("booking");

	private static final Instances.Healthy WEB = new Instances.Healthy("web");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		FakeUpstreams.get().properties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("mutualis.gateway.services.listings", () -> LISTINGS_DRAINING.url() + "," + LISTINGS.url());
		registry.add("mutualis.gateway.services.notifications",
				() -> NOTIFICATIONS_DRAINING.url() + "," + NOTIFICATIONS.url());
		registry.add("mutualis.gateway.services.booking", () -> BOOKING_DRAINING.url() + "," + BOOKING.url());
		// the first instance of web has stopped: nothing listens on its port
		registry.add("mutualis.gateway.services.web", () -> Instances.nowhere() + "," + WEB.url());
	}

	@Test
	void aGetAnswered503ByOneInstanceIsAnsweredByTheOther() {
		for (int i = 0; i < 2; i++) {
			client().get().uri("/api/listings/search?q=salle")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.instance").isEqualTo("listings");
		}
		assertThat(LISTINGS_DRAINING.of("GET")).as("calls the draining instance answered 503").isEqualTo(1);
		assertThat(LISTINGS.of("GET")).as("both calls, one of them a second attempt").isEqualTo(2);
	}

	@Test
	void aGetWhoseConnectionIsRefusedIsAnsweredByTheOtherInstance() {
		for (int i = 0; i < 2; i++) {
			client().get().uri("/organisations/" + i)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.instance").isEqualTo("web");
		}
		assertThat(WEB.of("GET")).isEqualTo(2);
	}

	@Test
	void aPostWithoutIdempotencyKeyAnswered503IsNotSentAgain() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			statuses.add(client().post().uri("/api/notifications/unsubscribe/token-" + i)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"all\":true}")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 503);
		assertThat(NOTIFICATIONS_DRAINING.of("POST")).isEqualTo(1);
		assertThat(NOTIFICATIONS.of("POST")).as("the POST answered 503 was not sent to the other instance").isEqualTo(1);
	}

	@Test
	void aPostWithAnIdempotencyKeyAnswered503IsSentToTheOtherInstanceWithItsBody() {
		for (int i = 0; i < 2; i++) {
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
		assertThat(BOOKING_DRAINING.of("POST")).isEqualTo(1);
		assertThat(BOOKING.of("POST")).isEqualTo(2);
	}

	private WebTestClient client() {
		return Instances.client(this.port);
	}

}
