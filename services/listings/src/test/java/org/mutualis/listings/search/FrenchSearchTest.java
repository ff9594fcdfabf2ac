package org.mutualis.listings.search;

import java.time.Instant;
import java.util.List;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.CostMode;
import org.mutualis.listings.listing.ListingKind;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchSearchTest {

	private ListingIndex index;

	@BeforeEach
	void fill() {
		this.index = new ListingIndex(new ByteBuffersDirectory());
		this.index.rebuild(List.of(
				listing("tools", ListingKind.EQUIPMENT, "tools", "Équipement de menuiserie", "Scies, perceuses et serre-joints",
						"Salaberry-de-Valleyfield", "Beauharnois-Salaberry", 45.2536, -74.1331, CostMode.FREE, 1),
				listing("hall", ListingKind.SPACE, "meeting-rooms", "Grande salle communautaire", "Salle de 80 places",
						"Châteauguay", "Roussillon", 45.3800, -73.7500, CostMode.RATE, 2),
				listing("kitchen", ListingKind.SPACE, "community-kitchens", "Cuisine collective", "Cuisine équipée",
						"Huntingdon", "Haut-Saint-Laurent", 45.0858, -74.1736, CostMode.TO_AGREE, 3),
				listing("accounting", ListingKind.EXPERTISE, "accounting", "Accompagnement en comptabilité",
						"Tenue de livres pour OBNL", "Saint-Rémi", "Jardins-de-Napierville", 45.2637, -73.6131,
						CostMode.FREE, 4)));
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void findsAccentedWordsFromUnaccentedQueries() {
		assertThat(ids(search("equipement"))).first().isEqualTo("tools");
		assertThat(ids(search("EQUIPEMENT menuiserie"))).first().isEqualTo("tools");
		assertThat(ids(search("comptabilite"))).containsExactly("accounting");
	}

	@Test
	void findsSingularFromPluralThroughStemming() {
		assertThat(ids(search("salles"))).first().isEqualTo("hall");
	}

	@Test
	void searchesCategoryNamesInBothLanguages() {
		assertThat(ids(search("kitchens"))).contains("kitchen");
		assertThat(ids(search("réunion"))).contains("hall");
	}

	@Test
	void countsFacetsByKindAndCategory() {
		SearchResults all = this.index.search(SearchQuery.all());
		assertThat(all.total()).isEqualTo(4);
		assertThat(all.kinds()).containsEntry("SPACE", 2L).containsEntry("EQUIPMENT", 1L).containsEntry("EXPERTISE", 1L);
		assertThat(all.categories()).containsEntry("meeting-rooms", 1L).hasSize(4);
	}

	@Test
	void filtersByDistanceFromAPoint() {
		// Valleyfield city hall; Huntingdon is ~20 km away, Châteauguay ~33 km
		SearchQuery near = SearchQuery.all().withNear(new SearchQuery.Near(45.2536, -74.1331, 25.0));
		assertThat(ids(this.index.search(near))).containsExactlyInAnyOrder("tools", "kitchen");
		SearchQuery nearest = new SearchQuery(null, null, null, null, null, new SearchQuery.Near(45.2536, -74.1331, null),
				SearchQuery.CostFilter.ANY, null, null, SearchQuery.SearchSort.NEAREST, 0, 10);
		SearchResults sorted = this.index.search(nearest);
		assertThat(ids(sorted)).containsExactly("tools", "kitchen", "hall", "accounting");
		assertThat(sorted.hits().get(0).distanceKm()).isZero();
	}

	@Test
	void filtersByKindMrcMunicipalityCostAndCandidates() {
		SearchQuery base = SearchQuery.all();
		assertThat(ids(this.index.search(new SearchQuery(null, ListingKind.SPACE, null, null, null, null,
				SearchQuery.CostFilter.ANY, null, null, SearchQuery.SearchSort.NEWEST, 0, 10)))).containsExactly("kitchen", "hall");
		assertThat(ids(this.index.search(new SearchQuery(null, null, null, "roussillon", null, null,
				SearchQuery.CostFilter.ANY, null, null, SearchQuery.SearchSort.RELEVANCE, 0, 10)))).containsExactly("hall");
		assertThat(ids(this.index.search(new SearchQuery(null, null, null, null, "saint-remi", null,
				SearchQuery.CostFilter.ANY, null, null, SearchQuery.SearchSort.RELEVANCE, 0, 10)))).containsExactly("accounting");
		assertThat(ids(this.index.search(new SearchQuery(null, null, null, null, null, null,
				SearchQuery.CostFilter.FREE, null, null, SearchQuery.SearchSort.NEWEST, 0, 10)))).containsExactly("accounting", "tools");
		assertThat(ids(this.index.search(new SearchQuery(null, null, null, null, null, null,
				SearchQuery.CostFilter.COST_RECOVERY, null, null, SearchQuery.SearchSort.NEWEST, 0, 10))))
			.containsExactly("kitchen", "hall");
		assertThat(ids(this.index.search(base.withCandidates(java.util.Set.of("hall", "tools")).withText("salle"))))
			.containsExactly("hall");
	}

	@Test
	void pagesThroughResultsAndForgetsRemovedListings() {
		SearchQuery firstPage = new SearchQuery(null, null, null, null, null, null, SearchQuery.CostFilter.ANY, null,
				null, SearchQuery.SearchSort.NEWEST, 0, 3);
		assertThat(ids(this.index.search(firstPage))).containsExactly("accounting", "kitchen", "hall");
		SearchQuery second = new SearchQuery(null, null, null, null, null, null, SearchQuery.CostFilter.ANY, null, null,
				SearchQuery.SearchSort.NEWEST, 1, 3);
		assertThat(ids(this.index.search(second))).containsExactly("tools");
		this.index.remove("tools");
		assertThat(ids(search("equipement"))).doesNotContain("tools");
	}

	private SearchResults search(String text) {
		return this.index.search(SearchQuery.all().withText(text));
	}

	private static List<String> ids(SearchResults results) {
		return results.hits().stream().map(SearchResults.Hit::id).toList();
	}

	private static IndexedListing listing(String id, ListingKind kind, String category, String title, String description,
			String municipality, String mrc, double lat, double lon, CostMode cost, int day) {
		Bilingual categoryName = switch (category) {
			case "tools" -> new Bilingual("Outils et équipement de chantier", "Tools and work equipment");
			case "meeting-rooms" -> new Bilingual("Salles de réunion", "Meeting rooms");
			case "community-kitchens" -> new Bilingual("Cuisines collectives", "Community kitchens");
			default -> new Bilingual("Comptabilité et finances", "Accounting and finance");
		};
		return new IndexedListing(id, "org", kind, category, categoryName, new Bilingual(title, null),
				new Bilingual(description, null), List.of(), municipality, mrc, lat, lon, cost,
				Instant.parse("2026-11-0" + day + "T12:00:00Z"));
	}

}
