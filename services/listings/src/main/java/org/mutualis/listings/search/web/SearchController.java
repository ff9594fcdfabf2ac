package org.mutualis.listings.search.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.BookingUnit;
import org.mutualis.listings.listing.CostRecovery;
import org.mutualis.listings.listing.ListingKind;
import org.mutualis.listings.listing.ListingState;
import org.mutualis.listings.search.SearchQuery;
import org.mutualis.listings.search.application.ListingSearch;
import org.mutualis.platform.problem.Refusal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets anyone search published listings. */
@RestController
class SearchController {

	private final ListingSearch search;

	SearchController(ListingSearch search) {
		this.search = search;
	}

	@GetMapping("/api/listings/search")
	SearchPage search(@RequestParam(required = false) @Nullable @Size(max = 200) String q,
			@RequestParam(required = false) @Nullable ListingKind kind,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String mrc,
			@RequestParam(required = false) @Nullable String municipality,
			@RequestParam(required = false) @Nullable @DecimalMin("-90") @DecimalMax("90") Double lat,
			@RequestParam(required = false) @Nullable @DecimalMin("-180") @DecimalMax("180") Double lon,
			@RequestParam(required = false) @Nullable @DecimalMin("0.1") @DecimalMax("500") Double radiusKm,
			@RequestParam(defaultValue = "ANY") SearchQuery.CostFilter cost,
			@RequestParam(required = false) @Nullable String owner,
			@RequestParam(defaultValue = "RELEVANCE") SearchQuery.SearchSort sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(500) int page,
			@RequestParam(defaultValue = "20") @Min(1) int size) {
		if ((lat == null) != (lon == null) || (radiusKm != null && lat == null)) {
			throw Refusal.invalidField("point-incomplete", "lat");
		}
		if (sort == SearchQuery.SearchSort.NEAREST && lat == null) {
			throw Refusal.invalidField("point-required", "lat");
		}
		SearchQuery.Near near = (lat != null && lon != null) ? new SearchQuery.Near(lat, lon, radiusKm) : null;
		ListingSearch.Found found = this.search.search(new SearchQuery(q, kind, category, mrc, municipality, near, cost,
				owner, null, sort, page, size));
		List<Summary> items = found.matches().stream().map((match) -> {
			ListingState listing = match.listing().state();
			String cover = listing.photos().isEmpty() ? null
					: "/api/listings/" + listing.id() + "/photos/" + listing.photos().get(0).id() + "?size=thumbnail";
			return new Summary(listing.id(), listing.ownerOrganisationId(), listing.details().kind(),
					listing.details().title(), listing.details().categoryCode(), listing.details().tags(),
					listing.details().location().municipality(), listing.details().location().mrc(),
					listing.details().costRecovery(), listing.details().unit(), cover, match.hit().score(),
					match.hit().distanceKm());
		}).toList();
		return new SearchPage(found.results().total(), found.results().page(), found.results().size(), items,
				Map.of("kind", found.results().kinds(), "category", found.results().categories()));
	}

	record SearchPage(long total, int page, int size, List<Summary> items, Map<String, Map<String, Long>> facets) {
	}

	record Summary(String id, String ownerOrganisationId, ListingKind kind, Bilingual title, String categoryCode,
			List<String> tags, String municipality, String mrc, CostRecovery costRecovery, BookingUnit unit,
			@Nullable String coverUrl, float score, @Nullable Double distanceKm) {
	}


}
