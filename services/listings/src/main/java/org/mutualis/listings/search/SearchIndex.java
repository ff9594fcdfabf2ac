package org.mutualis.listings.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.listing.Bilingual;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.ListingStatus;

/**
 * The search index of published listings as the rest of the service (and the benchmark) sees it: it follows
 * listings as they are saved, indexing the published ones and forgetting the others (and those of organisations
 * out of good standing, which it is told to hide), and answers searches. It
 * remembers the version of each listing it followed, so a change reaching it twice (in-process and through the
 * service's own events) or late (an older version after a newer one) changes nothing.
 */
public final class SearchIndex implements Closeable {

	/** Location that keeps the index in heap buffers rather than memory-mapped files. */
	public static final String IN_MEMORY = "memory";

	private final ListingIndex index;

	private final @Nullable Path temporary;

	private final Map<String, Long> versions = new HashMap<>();

	private final Set<String> hiddenOwners = new HashSet<>();

	private SearchIndex(Directory directory, @Nullable Path temporary) {
		this.index = new ListingIndex(directory);
		this.temporary = temporary;
	}

	/**
	 * Opens an empty index.
	 * @param location {@value #IN_MEMORY} for heap buffers; a directory for memory-mapped files there; absent or
	 * blank for memory-mapped files in a temporary directory removed on {@link #close()} (memory-mapped files
	 * search 4-5x faster at p95 than heap buffers, see the README)
	 * @return the index
	 */
	public static SearchIndex open(@Nullable String location) {
		try {
			if (IN_MEMORY.equals(location)) {
				return new SearchIndex(new ByteBuffersDirectory(), null);
			}
			if (location == null || location.isBlank()) {
				Path temporary = Files.createTempDirectory("mutualis-listings-index-");
				return new SearchIndex(new MMapDirectory(temporary), temporary);
			}
			Path path = Path.of(location);
			Files.createDirectories(path);
			return new SearchIndex(new MMapDirectory(path), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the search index at " + location, ex);
		}
	}

	/**
	 * Brings one listing of the index up to date: indexed when published, removed otherwise.
	 * @param listing the listing as stored
	 * @param categoryName the name of its category
	 * @return whether the index changed; not when it already followed this version or a later one
	 */
	public synchronized boolean follow(Listing listing, Bilingual categoryName) {
		Long known = this.versions.get(listing.id());
		if (known != null && known >= listing.version()) {
			return false;
		}
		this.versions.put(listing.id(), listing.version());
		if (shown(listing)) {
			this.index.put(indexed(listing, categoryName));
		}
		else {
			this.index.remove(listing.id());
		}
		return true;
	}

	/**
	 * Hides every listing of an organisation out of good standing, and keeps hiding those it follows later.
	 * @param organisationId the organisation
	 */
	public synchronized void hideOwner(String organisationId) {
		this.hiddenOwners.add(organisationId);
		this.index.removeOwner(organisationId);
	}

	/**
	 * Shows again the published listings of an organisation back in good standing.
	 * @param organisationId the organisation
	 * @param listings its listings, in any state
	 * @param categoryNames the name of each category code
	 */
	public synchronized void showOwner(String organisationId, Iterable<Listing> listings,
			Function<String, Bilingual> categoryNames) {
		this.hiddenOwners.remove(organisationId);
		for (Listing listing : listings) {
			this.versions.put(listing.id(), listing.version());
			if (shown(listing)) {
				this.index.put(indexed(listing, categoryNames.apply(listing.details().categoryCode())));
			}
		}
	}

	/**
	 * Forgets a listing that no longer exists.
	 * @param listingId the listing
	 */
	public synchronized void forget(String listingId) {
		this.versions.remove(listingId);
		this.index.remove(listingId);
	}

	/**
	 * Replaces the whole content of the index.
	 * @param listings every listing, in any state (only the published ones are indexed)
	 * @param categoryNames the name of each category code
	 * @return how many were indexed
	 */
	public int rebuild(Iterable<Listing> listings, Function<String, Bilingual> categoryNames) {
		return rebuild(listings::forEach, categoryNames);
	}

	/**
	 * Replaces the whole content of the index from a source that visits every listing one at a time, so that the
	 * collection need not be held in memory. The result replaces, never adds: a listing the source visits twice
	 * (a scan may meet a document again when it moves meanwhile) is kept once, at its latest version.
	 * @param source visits every listing, in any state (only the published ones are indexed)
	 * @param categoryNames the name of each category code
	 * @return how many were indexed
	 */
	public synchronized int rebuild(Consumer<Consumer<Listing>> source, Function<String, Bilingual> categoryNames) {
		return rebuild(source, categoryNames, Set.copyOf(this.hiddenOwners));
	}

	/**
	 * Replaces the whole content of the index, as {@link #rebuild(Consumer, Function)}, hiding from now on the
	 * listings of the organisations named.
	 * @param source visits every listing, in any state (only the published ones are indexed)
	 * @param categoryNames the name of each category code
	 * @param hidden the organisations out of good standing
	 * @return how many were indexed
	 */
	public synchronized int rebuild(Consumer<Consumer<Listing>> source, Function<String, Bilingual> categoryNames,
			Set<String> hidden) {
		this.hiddenOwners.clear();
		this.hiddenOwners.addAll(hidden);
		this.versions.clear();
		return this.index.rebuild((replacement) -> source.accept((listing) -> {
			Long known = this.versions.get(listing.id());
			if (known != null && known >= listing.version()) {
				return;
			}
			this.versions.put(listing.id(), listing.version());
			if (shown(listing)) {
				replacement.put(indexed(listing, categoryNames.apply(listing.details().categoryCode())));
			}
			else {
				replacement.remove(listing.id());
			}
		}));
	}

	/**
	 * Runs a search.
	 * @param query what to look for
	 * @return the requested page and the facet counts
	 */
	public SearchResults search(SearchQuery query) {
		return this.index.search(query);
	}

	/** @return how many listings the index holds */
	public int size() {
		return this.index.size();
	}

	@Override
	public void close() throws IOException {
		this.index.close();
		if (this.temporary != null) {
			try (var files = Files.walk(this.temporary)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private boolean shown(Listing listing) {
		return listing.status() == ListingStatus.PUBLISHED && !this.hiddenOwners.contains(listing.ownerOrganisationId());
	}

	private static IndexedListing indexed(Listing listing, Bilingual categoryName) {
		Instant publishedAt = (listing.publishedAt() != null) ? listing.publishedAt() : Instant.EPOCH;
		return IndexedListing.of(listing.id(), listing.ownerOrganisationId(), listing.details(), categoryName,
				publishedAt);
	}

}
