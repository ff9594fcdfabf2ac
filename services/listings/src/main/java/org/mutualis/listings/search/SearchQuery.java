package org.mutualis.listings.search;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.ListingKind;

/**
 * A search of published listings. Every criterion is optional. {@code candidateIds} is the hook for filters this
 * service cannot answer itself, such as "available between from and to": whoever knows (the booking service)
 * narrows the search to the listings it names.
 *
 * @param text words to look for, in French or English
 * @param kind kind of resource
 * @param categoryCode category
 * @param mrc regional county municipality
 * @param municipality municipality
 * @param near a point and radius the listing must lie within
 * @param cost free only, cost recovery only, or any
 * @param ownerOrganisationId owning organisation
 * @param candidateIds only these listings, when given
 * @param sort order of results
 * @param page page number, from 0
 * @param size page size
 */
public record SearchQuery(@Nullable String text, @Nullable ListingKind kind, @Nullable String categoryCode,
		@Nullable String mrc, @Nullable String municipality, @Nullable Near near, CostFilter cost,
		@Nullable String ownerOrganisationId, @Nullable Set<String> candidateIds, SearchSort sort, int page, int size) {

	/** @return an unfiltered first page of 20, by relevance */
	public static SearchQuery all() {
		return new SearchQuery(null, null, null, null, null, null, CostFilter.ANY, null, null, SearchSort.RELEVANCE, 0,
				20);
	}

	/**
	 * The same query with words to look for.
	 * @param words the words
	 * @return the new query
	 */
	public SearchQuery withText(@Nullable String words) {
		return new SearchQuery(words, this.kind, this.categoryCode, this.mrc, this.municipality, this.near, this.cost,
				this.ownerOrganisationId, this.candidateIds, this.sort, this.page, this.size);
	}

	/**
	 * The same query near a point.
	 * @param point the point and radius
	 * @return the new query
	 */
	public SearchQuery withNear(@Nullable Near point) {
		return new SearchQuery(this.text, this.kind, this.categoryCode, this.mrc, this.municipality, point, this.cost,
				this.ownerOrganisationId, this.candidateIds, this.sort, this.page, this.size);
	}

	/**
	 * The same query restricted to some listings.
	 * @param ids candidate listing ids
	 * @return the new query
	 */
	public SearchQuery withCandidates(@Nullable Set<String> ids) {
		return new SearchQuery(this.text, this.kind, this.categoryCode, this.mrc, this.municipality, this.near, this.cost,
				this.ownerOrganisationId, ids, this.sort, this.page, this.size);
	}

	/**
	 * A point and a radius.
	 *
	 * @param latitude latitude
	 * @param longitude longitude
	 * @param radiusKm radius in kilometres; absent to sort by distance without a limit
	 */
	public record Near(double latitude, double longitude, @Nullable Double radiusKm) {
	}

	/** Which cost-recovery modes are wanted. */
	public enum CostFilter {

		/** Any. */
		ANY,
		/** Lent for nothing. */
		FREE,
		/** A rate or compensation to agree. */
		COST_RECOVERY

	}

	/** Order of results. */
	public enum SearchSort {

		/** Best text match first; newest first without words. */
		RELEVANCE,
		/** Most recently published first. */
		NEWEST,
		/** Closest to the point of {@link Near} first. */
		NEAREST

	}

}
