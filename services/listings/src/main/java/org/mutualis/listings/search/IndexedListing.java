package org.mutualis.listings.search;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.CostMode;
import org.mutualis.listings.listing.ListingDetails;
import org.mutualis.listings.listing.ListingKind;

/**
 * What the search index holds of a published listing.
 *
 * @param id listing id
 * @param ownerOrganisationId owner
 * @param kind kind
 * @param categoryCode category code
 * @param categoryName category name in both languages
 * @param title titles
 * @param description descriptions
 * @param tags free tags
 * @param municipality municipality
 * @param mrc regional county municipality
 * @param latitude latitude, if known
 * @param longitude longitude, if known
 * @param costMode cost recovery mode
 * @param publishedAt first publication
 */
record IndexedListing(String id, String ownerOrganisationId, ListingKind kind, String categoryCode,
		Bilingual categoryName, Bilingual title, Bilingual description, List<String> tags, String municipality,
		String mrc, @Nullable Double latitude, @Nullable Double longitude, CostMode costMode, Instant publishedAt) {

	/**
	 * Builds the indexed form of a listing's content.
	 * @param id listing id
	 * @param owner owning organisation
	 * @param details content
	 * @param categoryName name of its category
	 * @param publishedAt first publication
	 * @return the indexed form
	 */
	static IndexedListing of(String id, String owner, ListingDetails details, Bilingual categoryName,
			Instant publishedAt) {
		return new IndexedListing(id, owner, details.kind(), details.categoryCode(), categoryName, details.title(),
				details.description(), details.tags(), details.location().municipality(), details.location().mrc(),
				details.location().latitude(), details.location().longitude(), details.costRecovery().mode(),
				publishedAt);
	}

}
