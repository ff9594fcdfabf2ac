package org.mutualis.listings.search;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.organisation.OrganisationStanding;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTest {

	private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

	private static final Bilingual ROOMS = new Bilingual("Salles de réunion", "Meeting rooms");

	private final SearchIndex index = SearchIndex.open(SearchIndex.IN_MEMORY);

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void aChangeReachingTheIndexTwiceOrLateChangesNothing() {
		Listing published = stored(published(), 3);
		assertThat(this.index.follow(published, ROOMS)).isTrue();
		assertThat(found("salle")).containsExactly("l-1");

		// the same save arriving again through the service's own events
		assertThat(this.index.follow(stored(published(), 3), ROOMS)).isFalse();
		// an older version, e.g. read before the last save
		Listing older = stored(published(), 2);
		older.suspend("admin", "Vérification", NOW);
		assertThat(this.index.follow(Listing.restore(older.state(), 2), ROOMS)).isFalse();
		assertThat(found("salle")).containsExactly("l-1");

		Listing suspended = stored(published(), 4);
		suspended.suspend("admin", "Vérification", NOW);
		assertThat(this.index.follow(Listing.restore(suspended.state(), 4), ROOMS)).isTrue();
		assertThat(found("salle")).isEmpty();
	}

	@Test
	void rebuildIndexesOnlyPublishedListingsAndRemembersTheirVersions() {
		Listing draft = Listing.draft("l-2", "org-a", ListingFixtures.room(), "manager", NOW);
		int indexed = this.index.rebuild(List.of(stored(published(), 5), Listing.restore(draft.state(), 0)),
				(code) -> ROOMS);
		assertThat(indexed).isEqualTo(1);
		assertThat(this.index.size()).isEqualTo(1);
		assertThat(this.index.follow(stored(published(), 5), ROOMS)).isFalse();
		this.index.forget("l-1");
		assertThat(found("salle")).isEmpty();
	}

	@Test
	void rebuildReplacesNeverAddsEvenWhenTheScanMeetsAListingTwice() {
		// a scan of the collection may meet a document twice, e.g. when it moves while the relay pulls its outbox
		int indexed = this.index.rebuild(List.of(stored(published(), 4), stored(published(), 5), stored(published(), 5)),
				(code) -> ROOMS);
		assertThat(indexed).isEqualTo(1);
		assertThat(this.index.search(SearchQuery.all()).total()).isEqualTo(1);
		assertThat(this.index.follow(stored(published(), 5), ROOMS)).isFalse();

		this.index.rebuild(List.of(stored(published(), 5)), (code) -> ROOMS);
		this.index.rebuild(List.of(stored(published(), 5)), (code) -> ROOMS);
		assertThat(found("salle")).containsExactly("l-1");
		assertThat(this.index.size()).isEqualTo(1);
	}

	@Test
	void aPersistentIndexReopenedAndRebuiltHoldsOneCopy(@TempDir Path directory) throws Exception {
		try (SearchIndex first = SearchIndex.open(directory.toString())) {
			first.rebuild(List.of(stored(published(), 1)), (code) -> ROOMS);
			first.follow(stored(published(), 2), ROOMS);
		}
		try (SearchIndex second = SearchIndex.open(directory.toString())) {
			second.rebuild(List.of(stored(published(), 2)), (code) -> ROOMS);
			assertThat(second.size()).isEqualTo(1);
			assertThat(second.search(SearchQuery.all()).total()).isEqualTo(1);
		}
	}

	private List<String> found(String text) {
		return this.index.search(SearchQuery.all().withText(text)).hits().stream().map(SearchResults.Hit::id).toList();
	}

	private static Listing published() {
		Listing listing = Listing.draft("l-1", "org-a", ListingFixtures.room(), "manager", NOW);
		listing.submit("manager", OrganisationStanding.APPROVED, NOW);
		listing.publish("admin", OrganisationStanding.APPROVED, NOW);
		return listing;
	}

	private static Listing stored(Listing listing, long version) {
		return Listing.restore(listing.state(), version);
	}

}
