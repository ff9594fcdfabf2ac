package org.mutualis.notifications.messaging;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.contracts.EventContracts;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.directory.Listing;
import org.mutualis.notifications.directory.Listings;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ListingEventsTest extends NotificationsTestSupport {

	@Autowired
	private ListingEvents events;

	@Autowired
	private Listings listings;

	@Autowired
	private Inbox inbox;

	@Test
	void everyListingContractExampleParses() {
		Map<String, String> examples = EventContracts.examples("mutualis.listing.");
		assertThat(examples).isNotEmpty();
		examples.keySet().forEach((type) -> assertThat(this.events.apply(listingEvent(type, Map.of()))).as(type).isTrue());
		assertThat(kinds()).containsExactlyInAnyOrder("listing.published", "listing.rejected", "listing.suspended",
				"listing.reported", "listing.report-action-taken");
	}

	@Test
	void theCopyKeepsOwnerTitlesAndTimeZone() {
		this.events.apply(listingEvent("mutualis.listing.submitted.v1", Map.of()));
		Listing submitted = this.listings.find(this.listing).orElseThrow();
		assertThat(submitted.ownerOrganisationId()).isEqualTo(this.owner);
		assertThat(submitted.timeZone()).isEqualTo(Listings.DEFAULT_TIME_ZONE);
		this.events.apply(listingEvent("mutualis.listing.published.v1", Map.of()));
		Listing published = this.listings.find(this.listing).orElseThrow();
		assertThat(published.title("fr")).isEqualTo("Grande salle communautaire");
		assertThat(published.title("en")).isEqualTo("Large community hall");
		assertThat(published.timeZone()).isEqualTo(ZoneId.of("America/Toronto"));
	}

	@Test
	void aRejectionTellsTheOwnersManagersWithTheReasonOnce() {
		this.events.apply(listingEvent("mutualis.listing.published.v1", Map.of()));
		String rejected = listingEvent("mutualis.listing.rejected.v1", Map.of());
		assertThat(this.events.apply(rejected)).isTrue();
		assertThat(this.events.apply(rejected)).isFalse();
		List<Notification> items = this.inbox.page(this.ownerManager, 0, 10).items();
		assertThat(items).extracting(Notification::kind).containsExactly("listing.rejected", "listing.published");
		assertThat(items.get(0).title()).isEqualTo("Ressource refusée : Grande salle communautaire");
		assertThat(items.get(0).body()).contains("Ajoutez une photo de la salle");
		assertThat(items.get(0).link()).isEqualTo("/listings/" + this.listing);
		assertThat(items.get(0).listingId()).isEqualTo(this.listing);
	}

	private List<String> kinds() {
		return this.inbox.page(this.ownerManager, 0, 100).items().stream().map(Notification::kind).toList();
	}

	private String listingEvent(String type, Map<String, ?> more) {
		return event(type, Map.of("listingId", this.listing, "ownerOrganisationId", this.owner), more);
	}

}
