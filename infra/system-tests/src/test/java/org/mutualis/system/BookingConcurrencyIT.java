package org.mutualis.system;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's concurrency test through the gateway: 64 requests released together on one piece of equipment of
 * capacity 3, over overlapping ranges and quantities, from members of two organisations. Afterwards no minute holds
 * more than 3 units, and every refusal was a {@code 409} problem+json.
 */
class BookingConcurrencyIT {

	private static final int THREADS = 64;

	private static final int CAPACITY = 3;

	private static Api anonymous;

	private static TokenClient tokens;

	@BeforeAll
	static void startSystem() {
		RunningSystem system = RunningSystem.get();
		anonymous = new Api(system.gateway(), null);
		tokens = new TokenClient(system.gateway());
	}

	@Test
	void sixtyFourRequestsReleasedTogetherNeverExceedCapacity() throws Exception {
		Api owner = anonymous.as(tokens.accessToken("gestion@lephare.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LE_PHARE));
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", BookingJourneyIT.PASSWORD, null));
		List<Api> borrowers = List.of(
				anonymous.as(tokens.accessToken("membre@laruche.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LA_RUCHE)),
				anonymous.as(tokens.accessToken("gestion@laruche.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LA_RUCHE)),
				anonymous.as(tokens.accessToken("membre@jardins.demo", BookingJourneyIT.PASSWORD, null)),
				anonymous.as(tokens.accessToken("gestion@jardins.demo", BookingJourneyIT.PASSWORD, null)));
		String listingId = BookingJourneyIT.publishedListing(owner, admin,
				BookingJourneyIT.resourceJson("EQUIPMENT", "tools", "Génératrices partagées " + BookingJourneyIT.marker(),
						"Haut-Saint-Laurent", "10.00", "INSTANT", "\"traits\":{\"quantity\":" + CAPACITY + ",\"condition\":\"GOOD\"}",
						2));
		BookingJourneyIT.awaitBookable(borrowers.get(0), listingId);
		ZonedDateTime base = BookingJourneyIT.nextBookableHour().plusDays(1).withHour(9);

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<Api.Response>> answers = new ArrayList<>();
		Random random = new Random(42);
		for (int i = 0; i < THREADS; i++) {
			Api borrower = borrowers.get(i % borrowers.size());
			ZonedDateTime from = base.plusHours(random.nextInt(4));
			ZonedDateTime to = from.plusHours(1 + random.nextInt(3));
			String body = BookingJourneyIT.bookingJson(listingId, from, to, 1 + random.nextInt(2));
			answers.add(pool.submit(() -> {
				start.await();
				return borrower.post("/api/bookings", body);
			}));
		}
		start.countDown();
		int booked = 0;
		for (Future<Api.Response> answer : answers) {
			Api.Response response = answer.get();
			if (response.status() == 201) {
				booked++;
			}
			else {
				assertThat(response.status()).as(response.body()).isEqualTo(409);
				assertThat(response.isProblem()).isTrue();
				assertThat(response.json().get("type").asString()).isEqualTo("urn:mutualis:problem:slot-unavailable");
			}
		}
		pool.shutdown();

		List<JsonNode> held = heldBookings(owner, listingId);
		assertThat(booked).as("some requests won, some were refused").isBetween(1, THREADS - 1);
		assertThat(held).hasSize(booked);
		Instant first = base.toInstant();
		for (Instant minute = first; minute.isBefore(first.plus(Duration.ofHours(7))); minute = minute.plusSeconds(60)) {
			int units = 0;
			for (JsonNode booking : held) {
				Instant from = Instant.parse(booking.get("start").asString());
				Instant to = Instant.parse(booking.get("end").asString());
				if (!minute.isBefore(from) && minute.isBefore(to)) {
					units += booking.get("quantity").asInt();
				}
			}
			assertThat(units).as("units held at " + minute).isLessThanOrEqualTo(CAPACITY);
		}
	}

	private static List<JsonNode> heldBookings(Api owner, String listingId) throws Exception {
		List<JsonNode> held = new ArrayList<>();
		for (int page = 0; page < 10; page++) {
			Api.Response answer = owner.get("/api/bookings/listings/" + listingId + "/bookings?active=true&page=" + page + "&size=50");
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			JsonNode items = answer.json().get("items");
			for (JsonNode booking : items) {
				String status = booking.get("status").asString();
				if (status.equals("REQUESTED") || status.equals("CONFIRMED")) {
					held.add(booking);
				}
			}
			if (items.size() < 50) {
				break;
			}
		}
		return held;
	}

}
