package org.mutualis.booking.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingStatus;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The batch question over 500 listings, a third of them busy, answered through the whole web stack; and answered
 * again after the listings and their occupancy changed, so that the parsed listings the read model keeps in memory
 * never answer for a changed document. Its speed is measured by {@code BookingBenchmark} in {@code infra/benchmarks},
 * never here.
 */
class BatchAvailabilityTest extends BookingTestSupport {

	@Autowired
	private Occupancy occupancy;

	@Test
	void fiveHundredListingsAreAnsweredAndChangesShowAtOnce() throws Exception {
		List<BookableListing> listings = new ArrayList<>();
		TimeRange range = new TimeRange(at(9, 10, 0), at(9, 12, 0));
		for (int i = 0; i < 500; i++) {
			BookableListing listing = listingOfA(2, (l) -> l);
			listings.add(listing);
			if (i % 3 == 0) {
				this.occupancy.hold(listing.id(),
						new Hold("busy-" + i, Hold.Kind.BOOKING, range, 2, Instant.now(), null, null), 2);
			}
		}
		List<String> ids = listings.stream().map(BookableListing::id).toList();
		for (int round = 0; round < 2; round++) {
			JsonNode answer = ask(ids, 1, range);
			assertThat(answer.get("available")).hasSize(333);
			assertThat(answer.get("unavailable")).hasSize(167);
			assertThat(answer.get("unavailable").get(ids.get(0)).asString()).isEqualTo("FULL");
			assertThat(answer.get("available").get(0).asString()).isEqualTo(ids.get(1));
		}

		// listing 1 is suspended, listing 2 now takes one unit at once, listing 4 gets one unit held
		BookableListing second = listings.get(2);
		this.listings.recordStatus(ids.get(1), TestActors.ORG_A, ListingStatus.SUSPENDED, Instant.now());
		this.listings.record(new BookableListing(second.id(), second.ownerOrganisationId(), second.status(),
				second.kind(), second.title(), second.mrc(), 1, 2, second.unit(), second.timeZone(), second.weekly(),
				second.blackouts(), second.rules(), second.costRecovery(), second.marketValuePerUnit(),
				second.prerequisites(), Instant.now()));
		this.occupancy.hold(ids.get(4), new Hold("one-unit", Hold.Kind.BOOKING, range, 1, Instant.now(), null, null), 2);

		JsonNode two = ask(ids, 2, range);
		assertThat(two.get("unavailable").get(ids.get(1)).asString()).isEqualTo("NOT_BOOKABLE");
		assertThat(two.get("unavailable").get(ids.get(2)).asString()).isEqualTo("QUANTITY");
		assertThat(two.get("unavailable").get(ids.get(4)).asString()).isEqualTo("FULL");
		assertThat(two.get("available")).hasSize(333 - 3);
		JsonNode one = ask(ids, 1, range);
		assertThat(one.get("available").toString()).contains(ids.get(2), ids.get(4)).doesNotContain(ids.get(1));

		// reinstated: bookable again
		this.listings.record(new BookableListing(ids.get(1), TestActors.ORG_A, ListingStatus.PUBLISHED,
				listings.get(1).kind(), listings.get(1).title(), listings.get(1).mrc(), 2, 2, listings.get(1).unit(),
				listings.get(1).timeZone(), listings.get(1).weekly(), listings.get(1).blackouts(),
				listings.get(1).rules(), listings.get(1).costRecovery(), listings.get(1).marketValuePerUnit(),
				listings.get(1).prerequisites(), Instant.now()));
		assertThat(ask(ids, 2, range).get("available").toString()).contains(ids.get(1));
	}

	private JsonNode ask(List<String> ids, int quantity, TimeRange range) throws Exception {
		String body = "{\"listingIds\":[\"" + String.join("\",\"", ids) + "\"],\"quantity\":" + quantity
				+ ",\"start\":\"" + range.start() + "\",\"end\":\"" + range.end() + "\"}";
		return body(this.mvc.perform(post("/api/bookings/availability").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn());
	}

}
