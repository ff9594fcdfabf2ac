package org.mutualis.listings.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.SloppyMath;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.CostMode;

/**
 * The Lucene index of published listings: a read model rebuilt from the listings collection and kept up to date
 * on every change. It answers French- and English-aware text searches with filters, distance, sorting and facet
 * counts, on any MongoDB (the embedded one has neither {@code $text} nor geo queries).
 */
public final class ListingIndex implements Closeable {

	/** Largest {@code (page + 1) * size} a search may ask for. */
	public static final int MAX_WINDOW = 10_000;

	private static final String ID = "id";

	private static final String KIND = "kind";

	private static final String CATEGORY = "category";

	private static final String MRC = "mrc";

	private static final String MUNICIPALITY = "municipality";

	private static final String OWNER = "owner";

	private static final String COST = "cost";

	private static final String POINT = "point";

	private static final String LATITUDE = "lat";

	private static final String LONGITUDE = "lon";

	private static final String PUBLISHED = "published";

	private static final String TITLE_FR = "title_fr";

	private static final String TITLE_EN = "title_en";

	private static final String TEXT_FR = "text_fr";

	private static final String TEXT_EN = "text_en";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final FacetsConfig facets = new FacetsConfig();

	private final QueryBuilder french = new QueryBuilder(ListingAnalyzers.french());

	private final QueryBuilder english = new QueryBuilder(ListingAnalyzers.english());

	private volatile @Nullable FacetState facetState;

	/**
	 * Opens an empty index in a directory (anything already there is discarded: the index is rebuilt).
	 * @param directory where the index lives
	 */
	public ListingIndex(Directory directory) {
		this.directory = directory;
		Analyzer french = ListingAnalyzers.french();
		Analyzer english = ListingAnalyzers.english();
		Analyzer analyzer = new PerFieldAnalyzerWrapper(french, Map.of(TITLE_EN, english, TEXT_EN, english));
		IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
			.setRAMBufferSizeMB(64);
		try {
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds or replaces a listing and makes the change visible to searches.
	 * @param listing the listing
	 */
	public void put(IndexedListing listing) {
		io(() -> this.writer.updateDocument(new Term(ID, listing.id()), document(listing)));
		refresh();
	}

	/**
	 * Removes a listing, if present, and makes the change visible.
	 * @param id listing id
	 */
	public void remove(String id) {
		io(() -> this.writer.deleteDocuments(new Term(ID, id)));
		refresh();
	}

	/**
	 * Replaces the whole content of the index.
	 * @param listings every published listing
	 * @return how many were indexed
	 */
	public int rebuild(Iterable<IndexedListing> listings) {
		int[] count = { 0 };
		io(() -> {
			this.writer.deleteAll();
			for (IndexedListing listing : listings) {
				this.writer.addDocument(document(listing));
				count[0]++;
			}
			this.writer.commit();
		});
		refresh();
		return count[0];
	}

	/**
	 * Runs a search.
	 * @param query what to look for
	 * @return the requested page and the facet counts
	 */
	public SearchResults search(SearchQuery query) {
		int size = Math.max(1, query.size());
		int page = Math.max(0, query.page());
		int window = Math.min(MAX_WINDOW, (page + 1) * size);
		IndexSearcher searcher = acquire();
		try {
			IndexReader reader = searcher.getIndexReader();
			if (reader.numDocs() == 0) {
				return new SearchResults(0, page, size, List.of(), Map.of(), Map.of());
			}
			Query lucene = toLucene(query);
			Sort sort = sort(query);
			FacetsCollectorManager.FacetsResult result = (sort == null)
					? FacetsCollectorManager.search(searcher, lucene, window, new FacetsCollectorManager())
					: FacetsCollectorManager.search(searcher, lucene, window, sort, true, new FacetsCollectorManager());
			TopDocs top = result.topDocs();
			SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState(reader),
					result.facetsCollector());
			List<SearchResults.Hit> hits = new ArrayList<>();
			StoredFields stored = searcher.storedFields();
			for (int i = page * size; i < Math.min(top.scoreDocs.length, window); i++) {
				ScoreDoc hit = top.scoreDocs[i];
				Document document = stored.document(hit.doc);
				hits.add(new SearchResults.Hit(document.get(ID), Float.isNaN(hit.score) ? 0f : hit.score,
						distanceKm(query.near(), document)));
			}
			return new SearchResults(top.totalHits.value(), page, size, hits, counts(counts, KIND),
					counts(counts, CATEGORY));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	/** @return how many listings the index holds */
	public int size() {
		IndexSearcher searcher = acquire();
		try {
			return searcher.getIndexReader().numDocs();
		}
		finally {
			release(searcher);
		}
	}

	@Override
	public void close() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

	/**
	 * Turns a free-text or filter value into the key under which names are indexed: lower case, no accents.
	 * @param value a name such as {@code Saint-Rémi}
	 * @return its key, {@code saint-remi}
	 */
	public static String key(String value) {
		String decomposed = Normalizer.normalize(value.trim(), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private Document document(IndexedListing listing) throws IOException {
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
		return this.facets.build(document);
	}

	private Query toLucene(SearchQuery query) {
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

	private static @Nullable Sort sort(SearchQuery query) {
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

	private static @Nullable Double distanceKm(SearchQuery.@Nullable Near near, Document document) {
		if (near == null || document.getField(LATITUDE) == null) {
			return null;
		}
		double meters = SloppyMath.haversinMeters(near.latitude(), near.longitude(),
				document.getField(LATITUDE).numericValue().doubleValue(),
				document.getField(LONGITUDE).numericValue().doubleValue());
		return Math.round(meters / 100.0) / 10.0;
	}

	private static Map<String, Long> counts(SortedSetDocValuesFacetCounts counts, String dimension) throws IOException {
		Map<String, Long> byLabel = new LinkedHashMap<>();
		FacetResult result;
		try {
			result = counts.getTopChildren(100, dimension);
		}
		catch (IllegalArgumentException ex) {
			return byLabel;
		}
		if (result != null) {
			for (LabelAndValue value : result.labelValues) {
				byLabel.put(value.label, value.value.longValue());
			}
		}
		return byLabel;
	}

	private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
		FacetState current = this.facetState;
		if (current == null || current.reader != reader) {
			current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, this.facets));
			this.facetState = current;
		}
		return current.state;
	}

	private void refresh() {
		io(this.searchers::maybeRefreshBlocking);
	}

	private IndexSearcher acquire() {
		try {
			return this.searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void release(IndexSearcher searcher) {
		try {
			this.searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	private static void io(IoAction action) {
		try {
			action.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;

	}

	private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
	}

}
