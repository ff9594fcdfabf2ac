package org.mutualis.listings.demo;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.listing.ListingKind;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.search.SearchQuery;
import org.mutualis.listings.search.application.ListingSearch;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "mutualis.demo.enabled=true")
@WithInfrastructure
class DemoDataTest {

	@Autowired
	DemoData demo;

	@Autowired
	Listings listings;

	@Autowired
	ListingSearch search;

	@Autowired
	org.mutualis.listings.listing.application.ListingManagement management;

	@Autowired
	org.mutualis.listings.photo.application.PhotoManagement photos;

	@Autowired
	org.mutualis.listings.organisation.Organisations organisations;

	@Test
	void loadsPublishedListingsOfEveryKindInEveryMrcWithPhotosOnlyOnce() throws Exception {
		Set<ListingKind> kinds = EnumSet.noneOf(ListingKind.class);
		Set<String> mrcs = new HashSet<>();
		int[] published = { 0 };
		int[] waiting = { 0 };
		this.listings.forEach((listing) -> {
			if (listing.status() == ListingStatus.PUBLISHED) {
				published[0]++;
				kinds.add(listing.details().kind());
				mrcs.add(listing.details().location().mrc());
				assertThat(listing.photos()).hasSize(1);
				assertThat(listing.details().title().fr()).isNotBlank();
				assertThat(listing.details().title().en()).isNotBlank();
			}
			else {
				waiting[0]++;
			}
		});
		assertThat(published[0]).isGreaterThanOrEqualTo(40);
		assertThat(waiting[0]).isGreaterThanOrEqualTo(2);
		assertThat(kinds).containsExactlyInAnyOrder(ListingKind.values());
		assertThat(mrcs).containsExactlyInAnyOrder("Beauharnois-Salaberry", "Haut-Saint-Laurent",
				"Jardins-de-Napierville", "Roussillon", "Vaudreuil-Soulanges");
		assertThat(this.search.search(SearchQuery.all().withText("cuisines")).results().total()).isPositive();

		this.demo.run(null);
		int[] after = { 0 };
		this.listings.forEach((listing) -> after[0]++);
		assertThat(after[0]).isEqualTo(published[0] + waiting[0]);
	}

	@Test
	void aSecondInstanceLoadingAtTheSameMomentStartsAndAddsNothing() {
		// the other instance's loader saw nothing yet, then the first one stored everything: every insert collides
		Listings sawNothingYet = (Listings) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Listings.class }, (proxy, method, args) -> {
					if (method.getName().equals("find")) {
						return java.util.Optional.empty();
					}
					try {
						return method.invoke(this.listings, args);
					}
					catch (java.lang.reflect.InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
		int[] before = { 0 };
		this.listings.forEach((listing) -> before[0]++);
		new DemoData(sawNothingYet, this.management, this.photos, this.organisations, java.time.Clock.systemUTC())
			.run(null);
		int[] after = { 0 };
		this.listings.forEach((listing) -> {
			after[0]++;
			if (listing.status() == ListingStatus.PUBLISHED) {
				assertThat(listing.photos()).as("no second photo").hasSize(1);
			}
		});
		assertThat(after[0]).isEqualTo(before[0]);
	}

}
