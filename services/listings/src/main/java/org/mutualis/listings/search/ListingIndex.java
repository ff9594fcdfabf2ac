package org.mutualis.listings.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.jspecify.annotations.Nullable;

import static org.mutualis.listings.search.ListingDocuments.CATEGORY;
import static org.mutualis.listings.search.ListingDocuments.ID;
import static org.mutualis.listings.search.ListingDocuments.KIND;
import static org.mutualis.listings.search.ListingDocuments.OWNER;
import static org.mutualis.listings.search.ListingDocuments.TEXT_EN;
import static org.mutualis.listings.search.ListingDocuments.TITLE_EN;

/**
 * The Lucene index of published listings (behind {@link SearchIndex}): a read model rebuilt from the listings
 * collection and kept up to date on every change. It answers French- and English-aware text searches with filters, distance, sorting and facet
 * counts, on any MongoDB (the embedded one has neither {@code $text} nor geo queries).
 */
final class ListingIndex implements Closeable {

	/** Largest {@code (page + 1) * size} a search may ask for. */
	static final int MAX_WINDOW = 10_000;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final FacetsConfig facets = new FacetsConfig();

	private final ListingDocuments documents = new ListingDocuments();

	private volatile @Nullable FacetState facetState;

	/**
	 * Opens an empty index in a directory (anything already there is discarded: the index is rebuilt).
	 * @param directory where the index lives
	 */
	ListingIndex(Directory directory) {
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
	void put(IndexedListing listing) {
		io(() -> this.writer.updateDocument(new Term(ID, listing.id()),
				this.facets.build(ListingDocuments.document(listing))));
		refresh();
	}

	/**
	 * Removes a listing, if present, and makes the change visible.
	 * @param id listing id
	 */
	void remove(String id) {
		io(() -> this.writer.deleteDocuments(new Term(ID, id)));
		refresh();
	}

	/**
	 * Removes every listing of an organisation and makes the change visible.
	 * @param organisationId the owner
	 */
	void removeOwner(String organisationId) {
		io(() -> this.writer.deleteDocuments(new Term(OWNER, organisationId)));
		refresh();
	}

	/**
	 * Replaces the whole content of the index.
	 * @param listings every published listing
	 * @return how many listings the index holds afterwards
	 */
	int rebuild(Iterable<IndexedListing> listings) {
		return rebuild((replacement) -> listings.forEach(replacement::put));
	}

	/**
	 * Replaces the whole content of the index: clears it, lets the source put and remove listings, then commits.
	 * Each listing is put by its id, so a source that names one twice still leaves one copy.
	 * @param source puts every published listing
	 * @return how many listings the index holds afterwards
	 */
	int rebuild(Consumer<Replacement> source) {
		io(this.writer::deleteAll);
		source.accept(new Replacement() {

			@Override
			public void put(IndexedListing listing) {
				io(() -> ListingIndex.this.writer.updateDocument(new Term(ID, listing.id()),
						ListingIndex.this.facets.build(ListingDocuments.document(listing))));
			}

			@Override
			public void remove(String id) {
				io(() -> ListingIndex.this.writer.deleteDocuments(new Term(ID, id)));
			}

		});
		io(this.writer::commit);
		refresh();
		return size();
	}

	/**
	 * Runs a search.
	 * @param query what to look for
	 * @return the requested page and the facet counts
	 */
	SearchResults search(SearchQuery query) {
		int size = Math.max(1, query.size());
		int page = Math.max(0, query.page());
		int window = Math.min(MAX_WINDOW, (page + 1) * size);
		IndexSearcher searcher = acquire();
		try {
			IndexReader reader = searcher.getIndexReader();
			if (reader.numDocs() == 0) {
				return new SearchResults(0, page, size, List.of(), Map.of(), Map.of());
			}
			Query lucene = this.documents.toLucene(query);
			Sort sort = ListingDocuments.sort(query);
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
						ListingDocuments.distanceKm(query.near(), document)));
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
	int size() {
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

	private static void io(IoAction action) {
		try {
			action.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a rebuild's source does to the index being rebuilt. */
	interface Replacement {

		/**
		 * Adds a listing, replacing any copy of it.
		 * @param listing the listing
		 */
		void put(IndexedListing listing);

		/**
		 * Removes a listing, if present.
		 * @param id listing id
		 */
		void remove(String id);

	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;

	}

	private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
	}

}
