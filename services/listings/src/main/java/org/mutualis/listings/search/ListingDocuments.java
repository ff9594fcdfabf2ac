package org.mutualis.listings.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.SloppyMath;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.CostMode;

/**
 * How a listing is laid out in the Lucene index and how a {@link SearchQuery} is turned into a Lucene query and
 * sort over that layout; {@link ListingIndex} holds the index itself.
 */
final class ListingDocuments {

	static final String ID = "id";

	static final String KIND = "kind";

	static final String CATEGORY = "category";

	static final String MRC = "mrc";

	static final String MUNICIPALITY = "municipality";

	static final String OWNER = "owner";

	static final String COST = "cost";

	static final String POINT = "point";

	static final String LATITUDE = "lat";

	static final String LONGITUDE = "lon";

	static final String PUBLISHED = "published";

	static final String TITLE_FR = "title_fr";

	static final String TITLE_EN = "title_en";

	static final String TEXT_FR = "text_fr";

	static final String TEXT_EN = "text_en";

	private final QueryBuilder french = new QueryBuilder(ListingAnalyzers.french());

	private final QueryBuilder english = new QueryBuilder(ListingAnalyzers.english());

	/**
	 * Turns a free-text or filter value into the key under which names are indexed: lower case, no accents.
	 * @param value a name such as {@code Saint-Rémi}
	 * @return its key, {@code saint-remi}
	 */
	static String key(String value) {
		String decomposed = Normalizer.normalize(value.trim(), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * Lays a listing out as a Lucene document; the caller passes it through its facets configuration.
	 * @param listing the listing
	 * @return the document
	 */
	static Document document(IndexedListing listing) {
		Document document = new Document();
		document.add(new StringField(ID, listing.id(), Field.Store.YES));
		document.add(new StringField(KIND, listing.kind().name(), Field.Store.NO));
		document.add(new StringField(CATEGORY, listing.categoryCode(), Field.Store.NO));
		document.add(new StringField(MRC, key(listing.mrc()), Field.Store.NO));
		document.add(new StringField(MUNICIPALITY, key(listing.municipality()), Field.Store.NO));
		document.add(new StringField(OWNER, listing.ownerOrganisationId(), Field.Store.NO));
		document.add(new StringField(COST, listing.costMode().name(), Field.Store.NO));
		document.add(new NumericDocValuesField(PUBLISHED, listing.publishedAt().toEpochMilli()));
		if (listing.latitude() != null && listing.longitude() != null) {
			document.add(new LatLonPoint(POINT, listing.latitude(), listing.longitude()));
			document.add(new LatLonDocValuesField(POINT, listing.latitude(), listing.longitude()));
			document.add(new StoredField(LATITUDE, listing.latitude()));
			document.add(new StoredField(LONGITUDE, listing.longitude()));
		}
		String titles = join(listing.title().fr(), listing.title().en());
		String rest = join(listing.description().fr(), listing.description().en(), String.join(" ", listing.tags()),
				listing.categoryName().fr(), listing.categoryName().en(), listing.municipality());
		document.add(new TextField(TITLE_FR, titles, Field.Store.NO));
		document.add(new TextField(TITLE_EN, titles, Field.Store.NO));
		document.add(new TextField(TEXT_FR, rest, Field.Store.NO));
		document.add(new TextField(TEXT_EN, rest, Field.Store.NO));
		document.add(new SortedSetDocValuesFacetField(KIND, listing.kind().name()));
		document.add(new SortedSetDocValuesFacetField(CATEGORY, listing.categoryCode()));
		return document;
	}

	/**
	 * Turns a search into a Lucene query: analysed text in both languages, then exact filters.
	 * @param query the search
	 * @return the Lucene query
	 */
	Query toLucene(SearchQuery query) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		boolean hasText = query.text() != null && !query.text().isBlank();
		if (hasText) {
			BooleanQuery.Builder text = new BooleanQuery.Builder();
			addText(text, this.french, TITLE_FR, query.text(), 3f);
			addText(text, this.english, TITLE_EN, query.text(), 2f);
			addText(text, this.french, TEXT_FR, query.text(), 1f);
			addText(text, this.english, TEXT_EN, query.text(), 0.7f);
			text.setMinimumNumberShouldMatch(1);
			builder.add(text.build(), Occur.MUST);
		}
		else {
			builder.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		filter(builder, KIND, (query.kind() != null) ? query.kind().name() : null);
		filter(builder, CATEGORY, query.categoryCode());
		filter(builder, MRC, (query.mrc() != null) ? key(query.mrc()) : null);
		filter(builder, MUNICIPALITY, (query.municipality() != null) ? key(query.municipality()) : null);
		filter(builder, OWNER, query.ownerOrganisationId());
		switch (query.cost()) {
			case FREE -> filter(builder, COST, CostMode.FREE.name());
			case COST_RECOVERY -> builder.add(new TermInSetQuery(COST,
					List.of(new BytesRef(CostMode.RATE.name()), new BytesRef(CostMode.TO_AGREE.name()))), Occur.FILTER);
			case ANY -> {
			}
		}
		if (query.near() != null && query.near().radiusKm() != null) {
			builder.add(LatLonPoint.newDistanceQuery(POINT, query.near().latitude(), query.near().longitude(),
					query.near().radiusKm() * 1000), Occur.FILTER);
		}
		if (query.candidateIds() != null) {
			builder.add(new TermInSetQuery(ID, query.candidateIds().stream().map(BytesRef::new).toList()),
					Occur.FILTER);
		}
		return builder.build();
	}

	private static void addText(BooleanQuery.Builder text, QueryBuilder analyser, String field, String words,
			float boost) {
		Query query = analyser.createBooleanQuery(field, words, Occur.SHOULD);
		if (query != null) {
			text.add(new BoostQuery(query, boost), Occur.SHOULD);
		}
	}

	private static void filter(BooleanQuery.Builder builder, String field, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			builder.add(new TermQuery(new Term(field, value)), Occur.FILTER);
		}
	}

	/**
	 * The sort a search asks for.
	 * @param query the search
	 * @return the sort, or {@code null} for relevance
	 */
	static @Nullable Sort sort(SearchQuery query) {
		boolean hasText = query.text() != null && !query.text().isBlank();
		SortField newest = new SortField(PUBLISHED, SortField.Type.LONG, true);
		return switch (query.sort()) {
			case RELEVANCE -> hasText ? null : new Sort(newest);
			case NEWEST -> new Sort(newest);
			case NEAREST -> (query.near() != null)
					? new Sort(LatLonDocValuesField.newDistanceSort(POINT, query.near().latitude(),
							query.near().longitude()), SortField.FIELD_SCORE)
					: (hasText ? null : new Sort(newest));
		};
	}

	/**
	 * The distance of a found listing from the search's point.
	 * @param near the point, if any
	 * @param document the stored fields of the listing
	 * @return kilometres, one decimal, or {@code null}
	 */
	static @Nullable Double distanceKm(SearchQuery.@Nullable Near near, Document document) {
		if (near == null || document.getField(LATITUDE) == null) {
			return null;
		}
		double meters = SloppyMath.haversinMeters(near.latitude(), near.longitude(),
				document.getField(LATITUDE).numericValue().doubleValue(),
				document.getField(LONGITUDE).numericValue().doubleValue());
		return Math.round(meters / 100.0) / 10.0;
	}

	private static String join(@Nullable String... parts) {
		StringBuilder joined = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				joined.append(part).append('\n');
			}
		}
		return joined.toString();
	}

}
