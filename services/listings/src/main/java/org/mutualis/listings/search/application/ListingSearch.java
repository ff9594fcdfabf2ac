package org.mutualis.listings.search.application;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mutualis.listings.category.Categories;
import org.mutualis.listings.config.ListingsProperties;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingStatus;
import org.mutualis.listings.listing.Listings;
import org.mutualis.listings.listing.application.ListingChanged;
import org.mutualis.listings.organisation.OrganisationStandingChanged;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.listings.search.SearchIndex;
import org.mutualis.listings.search.SearchQuery;
import org.mutualis.listings.search.SearchResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Keeps this instance's search index in step with the listings collection and answers searches with the matching
 * published listings. The index follows saved changes in one place, {@link #follow(Listing)}: this instance's own
 * saves at once (so a manager sees the change in the next request), other instances' saves when their event
 * arrives; a version the index already followed is skipped, so each change is indexed once.
 */
@Service
public class ListingSearch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ListingSearch.class);

	private final SearchIndex index;

	private final Listings listings;

	private final Categories categories;

	private final ListingsProperties properties;

	private final Organisations organisations;

	ListingSearch(Listings listings, Categories categories, ListingsProperties properties, Organisations organisations) {
		this.organisations = organisations;
		this.listings = listings;
		this.categories = categories;
		this.properties = properties;
		this.index = SearchIndex.open(properties.search().indexDirectory());
	}

	/**
	 * Rebuilds the index from the collection, reading it one listing at a time; before the service takes traffic,
	 * and again when the feed's partitions are first assigned. The rebuilt index replaces the old one, never adds
	 * to it.
	 */
	@EventListener(ApplicationStartedEvent.class)
	@Order(0)
	public void rebuild() {
		long start = System.nanoTime();
		int count = this.index.rebuild(this.listings::forEach, this::categoryName, this.organisations.outOfGoodStanding());
		log.info("search index rebuilt with {} published listings in {} ms", count,
				(System.nanoTime() - start) / 1_000_000);
	}

	@EventListener
	void on(ListingChanged changed) {
		follow(changed.listing());
	}

	/**
	 * Hides the listings of an organisation that fell out of good standing, or shows them again.
	 * @param changed what the organisation read model learnt
	 */
	@EventListener
	public void on(OrganisationStandingChanged changed) {
		if (changed.inGoodStanding()) {
			this.index.showOwner(changed.organisationId(), this.listings.ownedBy(changed.organisationId()),
					this::categoryName);
		}
		else {
			this.index.hideOwner(changed.organisationId());
		}
	}

	/**
	 * Brings one listing of the index up to date with the collection; used when a listing event arrives, which
	 * for this instance's own saves finds the index already there.
	 * @param listingId the listing
	 */
	public void refresh(String listingId) {
		this.listings.find(listingId).ifPresentOrElse(this::follow, () -> this.index.forget(listingId));
	}

	private void follow(Listing listing) {
		this.index.follow(listing, categoryName(listing.details().categoryCode()));
	}

	/**
	 * Searches published listings; the page size is capped.
	 * @param query what to look for
	 * @return the results and the listings of the page, in result order
	 */
	public Found search(SearchQuery query) {
		int size = Math.min(Math.max(1, query.size()), this.properties.search().maxPageSize());
		SearchQuery capped = new SearchQuery(query.text(), query.kind(), query.categoryCode(), query.mrc(),
				query.municipality(), query.near(), query.cost(), query.ownerOrganisationId(), query.candidateIds(),
				query.sort(), Math.max(0, query.page()), size);
		SearchResults results = this.index.search(capped);
		Map<String, Listing> byId = this.listings.findAll(results.hits().stream().map(SearchResults.Hit::id).toList())
			.stream()
			.filter((listing) -> listing.status() == ListingStatus.PUBLISHED)
			.collect(Collectors.toMap(Listing::id, Function.identity()));
		List<Found.Match> matches = new ArrayList<>();
		for (SearchResults.Hit hit : results.hits()) {
			Listing listing = byId.get(hit.id());
			if (listing != null) {
				matches.add(new Found.Match(listing, hit));
			}
		}
		return new Found(results, matches);
	}

	@Override
	public void destroy() throws IOException {
		this.index.close();
	}

	private Bilingual categoryName(String categoryCode) {
		return this.categories.find(categoryCode)
			.map((category) -> new Bilingual(category.nameFr(), category.nameEn()))
			.orElse(new Bilingual(null, null));
	}

	/**
	 * A page of results with the listings found.
	 *
	 * @param results what the index answered
	 * @param matches the listings of the page with their hit
	 */
	public record Found(SearchResults results, List<Match> matches) {

		/**
		 * One listing found.
		 *
		 * @param listing the listing
		 * @param hit its score and distance
		 */
		public record Match(Listing listing, SearchResults.Hit hit) {
		}

	}

}
