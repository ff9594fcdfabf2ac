package org.mutualis.local;

import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The local store's backend: mongo-java-server's H2 backend, with documents kept in the H2 file and unique indexes
 * (the {@code _id} index included) kept in memory and rebuilt from the documents when the store opens.
 * <p>
 * H2's own index maps ordered their keys by comparing the Java serialisation of both keys at every step of every
 * lookup ({@code KeyValue} is not {@code Comparable}): a third of the store's CPU under load (JFR,
 * infra/benchmarks/README.md). Unique indexes are only ever asked for equal keys, so a hash map answers them.
 * The index maps written by earlier versions are removed when the file is opened, so that an earlier version
 * opening the file later rebuilds its indexes from the documents too instead of trusting stale ones.
 * <p>
 * It also answers {@code hello}, which Spring Boot's MongoDB health indicator sends and mongo-java-server 1.47
 * only knows as {@code isMaster}.
 */
final class StoreBackend extends H2Backend {

	private static final String INDEX_MAP_MARKER = "._index_";

	private StoreBackend(MVStore store) {
		super(store);
	}

	/**
	 * Opens the store's file.
	 * @param fileName the H2 file
	 * @return the backend, its indexes built
	 */
	static StoreBackend open(String fileName) {
		MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes()).open();
		removeIndexMaps(store);
		return new StoreBackend(store);
	}

	/**
	 * Removes the index maps that earlier versions kept in the file.
	 * @param store the opened file
	 * @return how many were removed
	 */
	static int removeIndexMaps(MVStore store) {
		List<String> names = store.getMapNames().stream().filter((name) -> name.contains(INDEX_MAP_MARKER)).toList();
		names.forEach(store::removeMap);
		if (!names.isEmpty()) {
			store.commit();
		}
		return names.size();
	}

	/**
	 * The page cache: a quarter of the heap. With H2's default of 16 MB the documents of a few hundred busy
	 * listings no longer fit: every read of an evicted page went back to the file and through Java
	 * deserialisation, a quarter of the store's CPU under load (JFR, infra/benchmarks/README.md).
	 */
	static int cacheMegabytes() {
		return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new StoreDatabase(databaseName, getMvStore(), getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if ("hello".equalsIgnoreCase(command)) {
			Document response = super.handleCommand(channel, databaseName, "isMaster", query);
			response.putIfAbsent("isWritablePrimary", Boolean.TRUE);
			return response;
		}
		return super.handleCommand(channel, databaseName, command, query);
	}

	/** A database of the H2 file whose unique indexes live in memory. */
	static final class StoreDatabase extends H2Database {

		StoreDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
			super(databaseName, store, cursors);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			// empty when opened: the collection fills it from its documents (AbstractMongoCollection.addIndex)
			return new HashedUniqueIndex(indexName, keys, sparse);
		}

	}

	/** A unique index answering equal keys from a hash map; its positions are the H2 collection's keys. */
	static final class HashedUniqueIndex extends AbstractUniqueIndex<Object> {

		private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

		HashedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
			super(name, keys, sparse);
		}

		@Override
		protected Object removeDocument(KeyValue key) {
			return this.positions.remove(key);
		}

		@Override
		protected boolean putKeyPosition(KeyValue key, Object position) {
			// as H2's index: a document without _id has the position Missing
			return this.positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
		}

		@Override
		protected Iterable<Entry<KeyValue, Object>> getIterable() {
			return this.positions.entrySet();
		}

		@Override
		protected Object getPosition(KeyValue key) {
			return this.positions.get(key);
		}

		@Override
		public long getCount() {
			return this.positions.size();
		}

		@Override
		public boolean isEmpty() {
			return this.positions.isEmpty();
		}

		@Override
		public long getDataSize() {
			return getCount();
		}

	}

}
