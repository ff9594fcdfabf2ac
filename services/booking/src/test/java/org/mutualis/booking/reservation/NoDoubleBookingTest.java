package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.platform.test.TestActors;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Many requests released at once on one listing, over overlapping ranges: afterwards, at no minute of the day do
 * requested and confirmed units (buffers included) exceed the capacity, and every refused request got a 409
 * problem+json.
 */
class NoDoubleBookingTest extends BookingTestSupport {

	private static final int THREADS = 72;

	@ParameterizedTest(name = "capacity {0}, buffers {1}+{2} min, mode {3}")
	@CsvSource({ "1, 0, 0, APPROVAL", "1, 15, 30, INSTANT", "3, 0, 15, APPROVAL", "5, 10, 0, INSTANT" })
	void neverMoreUnitsThanCapacityAtAnyMinute(int capacity, int bufferBefore, int bufferAfter, BookingMode mode)
			throws Exception {
		BookableListing listing = listingOfA(capacity, (l) -> withRules(l,
				new BookingRules(mode, 60, 480, 0, 365, bufferBefore, bufferAfter, null, 24)));
		Random random = new Random(capacity * 31L + bufferBefore);
		int day = 10 + capacity;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			Instant from = at(day, 9 + random.nextInt(7), 15 * random.nextInt(4));
			Instant to = from.plus(Duration.ofHours(1 + random.nextInt(3)));
			int quantity = 1 + random.nextInt(Math.min(capacity, 2));
			TestActors who = (i % 2 == 0) ? TestActors.MEMBER_B : TestActors.MANAGER_B;
			answers.add(pool.submit(() -> {
				start.await();
				return this.mvc.perform(post("/api/bookings").with(who.token())
					.contentType(MediaType.APPLICATION_JSON)
					.content(requestJson(listing.id(), from, to, quantity))).andReturn().getResponse();
			}));
		}
		start.countDown();
		int created = 0;
		int refused = 0;
		for (Future<MockHttpServletResponse> answer : answers) {
			MockHttpServletResponse response = answer.get(60, TimeUnit.SECONDS);
			if (response.getStatus() == 201) {
				created++;
			}
			else {
				refused++;
				assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(409);
				assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				assertThat(this.json.readTree(response.getContentAsString()).get("type").asString())
					.isEqualTo("urn:mutualis:problem:slot-unavailable");
			}
		}
		pool.shutdown();
		assertThat(created).isPositive();
		assertThat(refused).as("the ranges overlap: some requests must lose").isPositive();

		List<Document> active = this.mongo.getCollection("bookings")
			.find(new Document("terms.listingId", listing.id()).append("status",
					new Document("$in", List.of("REQUESTED", "CONFIRMED"))))
			.into(new ArrayList<>());
		assertThat(active).hasSize(created);
		Instant dayStart = at(day, 0, 0);
		for (Instant minute = dayStart; minute.isBefore(at(day + 1, 0, 0)); minute = minute.plusSeconds(60)) {
			int used = 0;
			for (Document booking : active) {
				Instant from = booking.getDate("start").toInstant().minus(Duration.ofMinutes(bufferBefore));
				Instant to = booking.getDate("end").toInstant().plus(Duration.ofMinutes(bufferAfter));
				if (!minute.isBefore(from) && minute.isBefore(to)) {
					used += booking.getInteger("quantity");
				}
			}
			assertThat(used).as("units used at %s", minute).isLessThanOrEqualTo(capacity);
		}
	}

}
