package org.mutualis.listings.search;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of search results with the facet counts of the whole result set.
 *
 * @param total number of matching listings
 * @param page page number
 * @param size page size
 * @param hits matches of this page, best first
 * @param kinds matching listings per kind
 * @param categories matching listings per category code
 */
public record SearchResults(long total, int page, int size, List<Hit> hits, Map<String, Long> kinds,
		Map<String, Long> categories) {

	/**
	 * One match.
	 *
	 * @param id listing id
	 * @param score relevance score
	 * @param distanceKm distance from the query point, when there is one and the listing has coordinates
	 */
	public record Hit(String id, float score, @Nullable Double distanceKm) {
	}

}
