package org.mutualis.booking.listing.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.ListingStatus;
import org.mutualis.contracts.EventContracts;
import org.mutualis.platform.events.Topics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ListingEventsTest extends BookingTestSupport {

	private static final String EXAMPLE_ID = "b7a1c2d3-0000-4000-8000-000000000042";

	@Autowired
	private ListingEvents events;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Test
	void everyListingContractExampleParses() {
		Map<String, String> examples = EventContracts.examples("mutualis.listing.");
		assertThat(examples).containsKeys("mutualis.listing.published.v1", "mutualis.listing.updated.v1",
				"mutualis.listing.reinstated.v1", "mutualis.listing.suspended.v1", "mutualis.listing.archived.v1",
				"mutualis.listing.rejected.v1", "mutualis.listing.submitted.v1");
		// the types booking uses change the read model; the others (e.g. reports) are skipped without an error
		Set<String> used = Set.of("mutualis.listing.published.v1", "mutualis.listing.updated.v1",
				"mutualis.listing.reinstated.v1", "mutualis.listing.suspended.v1", "mutualis.listing.archived.v1",
				"mutualis.listing.rejected.v1", "mutualis.listing.submitted.v1");
		examples.forEach((type, json) -> assertThat(this.events.apply(fresh(json, UUID.randomUUID().toString())))
			.as(type)
			.isEqualTo(used.contains(type)));
	}

	@Test
	void publishedListingKeepsTheFactsBookingEnforces() {
		String id = UUID.randomUUID().toString();
		this.events.apply(fresh(example("published"), id));
		BookableListing listing = this.listings.find(id).orElseThrow();
		assertThat(listing.isBookable()).isTrue();
		assertThat(listing.capacity()).isEqualTo(120);
		assertThat(listing.bookableAtOnce()).isEqualTo(80);
		assertThat(listing.unit()).isEqualTo(BookingUnit.HOUR);
		assertThat(listing.rules().cancellationNoticeHours()).isEqualTo(48);
		assertThat(listing.rules().bufferAfterMinutes()).isEqualTo(30);
		assertThat(listing.prerequisites()).hasSize(2);
		assertThat(listing.blackouts()).hasSize(1);
		assertThat(listing.timeZone().getId()).isEqualTo("America/Toronto");
	}

	@Test
	void onlyTheLastKnownPublishedStatusIsBookable() {
		String id = UUID.randomUUID().toString();
		this.events.apply(fresh(example("published"), id));
		this.events.apply(fresh(example("suspended"), id));
		assertThat(this.listings.find(id).orElseThrow().status()).isEqualTo(ListingStatus.SUSPENDED);
		assertThat(this.listings.find(id).orElseThrow().isBookable()).isFalse();
		this.events.apply(fresh(example("reinstated"), id));
		assertThat(this.listings.find(id).orElseThrow().isBookable()).isTrue();
		this.events.apply(fresh(example("archived"), id));
		assertThat(this.listings.find(id).orElseThrow().isBookable()).isFalse();
	}

	@Test
	void anUpdateOfADraftDoesNotMakeItBookable() {
		String id = UUID.randomUUID().toString();
		String draft = fresh(example("updated"), id).replace("\"status\": \"PUBLISHED\"", "\"status\": \"DRAFT\"");
		assertThat(this.events.apply(draft)).isTrue();
		assertThat(this.listings.find(id).orElseThrow().status()).isEqualTo(ListingStatus.DRAFT);
		assertThat(this.listings.find(id).orElseThrow().isBookable()).isFalse();
	}

	@Test
	void aRedeliveredEventIsAppliedOnceAndAnOlderOneNeverOverwritesANewer() {
		String id = UUID.randomUUID().toString();
		String published = fresh(example("published"), id);
		assertThat(this.events.apply(published)).isTrue();
		assertThat(this.events.apply(published)).isFalse();
		this.events.apply(fresh(example("suspended"), id));
		// an event older than the suspension, delivered late with a new id
		String late = fresh(example("updated"), id).replace("2026-11-22T08:30:00Z", "2026-11-21T11:00:00Z");
		this.events.apply(late);
		assertThat(this.listings.find(id).orElseThrow().status()).isEqualTo(ListingStatus.SUSPENDED);
	}

	@Test
	void aListingPublishedThroughKafkaBecomesBookable() {
		String id = UUID.randomUUID().toString();
		this.kafka.send(Topics.LISTINGS, id, fresh(example("published"), id)).join();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.listings.find(id)).hasValueSatisfying((l) -> assertThat(l.isBookable()).isTrue()));
	}

	private static String example(String fact) {
		return EventContracts.examples("mutualis.listing.").get("mutualis.listing." + fact + ".v1");
	}

	private static String fresh(String example, String listingId) {
		return example.replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"")
			.replace(EXAMPLE_ID, listingId);
	}

}
