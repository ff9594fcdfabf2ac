package org.mutualis.listings.search;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.organisation.OrganisationStanding;
import org.mutualis.listings.search.application.ListingSearch;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ListingIndexFeedTest extends ApiTestSupport {

	@Autowired
	private Listings listings;

	@Autowired
	private ListingSearch search;

	@Test
	void listingPublishedThroughAnotherInstanceReachesThisIndexThroughItsEvents() {
		// stored straight through the repository, as another instance would: no in-process notification
		String word = "Zythothèque" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "x");
		Instant now = Instant.now();
		Listing listing = Listing.draft(UUID.randomUUID().toString(), TestActors.ORG_A,
				ListingFixtures.roomTitled(word), "elsewhere", now);
		listing.submit("elsewhere", OrganisationStanding.APPROVED, now);
		listing.publish("admin-elsewhere", OrganisationStanding.APPROVED, now);
		this.listings.save(listing);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.search.search(SearchQuery.all().withText(word)).matches())
				.extracting((match) -> match.listing().id())
				.containsExactly(listing.id()));

		// by now this instance's feed is assigned its partitions: a suspension elsewhere arrives as an event
		Listing stored = this.listings.find(listing.id()).orElseThrow();
		stored.suspend("admin-elsewhere", "Signalements", Instant.now());
		this.listings.save(stored);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.search.search(SearchQuery.all().withText(word)).matches()).isEmpty());
	}

}
