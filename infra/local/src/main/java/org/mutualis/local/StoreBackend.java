package org.mutualis.local;

import java.nio.ByteBuffer;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The local store's backend: mongo-java-server's H2 backend with its unique indexes (the {@code _id} index
 * included) keyed by bytes.
 * <p>
 * H2's own index maps hold {@code KeyValue} objects, which are not {@code Comparable}: H2 orders them by
 * Java-serialising both keys at every step of every lookup, a third of the store's CPU under load (JFR,
 * infra/benchmarks/README.md). Here each key is serialised once, the same way, and the maps hold and compare
 * those bytes: the same keys, the same equality, one serialisation per lookup instead of two per B-tree step.
 * The maps stay in the H2 file (bounded memory, no rebuild at each start).
 * <p>
 * A file written by an earlier version has H2's index maps: they are removed when the file is first opened and
 * the indexes are rebuilt from the documents; a mark in the file says they were rebuilt to the end (a start
 * interrupted half-way rebuilds them again). An earlier version opening the file afterwards finds no index maps of
 * its own and rebuilds them from the documents too. (Renaming a collection is not supported: mongo-java-server's H2
 * backend loses a renamed collection's documents at its next start, and no service renames one.)
 * <p>
 * It also answers {@code hello}, which Spring Boot's MongoDB health indicator sends and mongo-java-server 1.47
 * only knows as {@code isMaster}.
 */
final class StoreBackend extends H2Backend {

	/** H2's index maps: {@code <database>.<collection>._index_<index>}. */
	private static final String H2_INDEX_MAP = "._index_";

	/** This backend's index maps: {@code <database>.<collection>._keys_<index>}. */
	private static final String KEYS_MAP = "._keys_";

	/** Where the mark is kept that every index map of this backend's format was built to the end. */
	private static final String FORMAT_MAP = "mutualis.store";

	private static final String INDEXES = "indexes";

	private static final String INDEXES_FORMAT = "serialised-keys-1";

	/** H2's maps of documents: {@code databases.<database>.<collection>}; their metadata: {@code meta.<...>}. */
	private static final String DOCUMENTS_MAP = "databases.";

	private static final String META_MAP = "meta.";

	private static final String DOCUMENTS = "documents";

	private static final String DOCUMENTS_FORMAT = "bson-1";

	/** Where a map of documents is written in the new format before it replaces the old one. */
	private static final String CONVERTING = "mutualis.converting.";

	/** The file a database is being opened in: H2's database opens its indexes before a subclass has fields. */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	private StoreBackend(MVStore store) {
		super(store);
	}

	/**
	 * Opens the store's file.
	 * @param fileName the H2 file
	 * @return the backend, its indexes ready
	 */
	static StoreBackend open(String fileName) {
		MVStore store = new MVStore.Builder().fileName(fileName)
			.cacheSize(cacheMegabytes())
			.pageSplitSize(PAGE_SPLIT_BYTES)
			.autoCommitBufferSize(autoCommitKilobytes())
			.open();
		MVMap<String, String> format = store.openMap(FORMAT_MAP);
		convertDocuments(store, format);
		boolean built = INDEXES_FORMAT.equals(format.get(INDEXES));
		if (!built) {
			removeIndexMaps(store);
		}
		StoreBackend backend = new StoreBackend(store);
		if (!built) {
			format.put(INDEXES, INDEXES_FORMAT);
			store.commit();
		}
		return backend;
	}

	/**
	 * Rewrites the documents of a file written before they were kept as BSON ({@link BsonDocuments}), one collection
	 * at a time: copied into a new map, which then takes the old one's name, in one commit with a mark saying this
	 * collection is done. A conversion interrupted half-way leaves the collections done and the old maps of the
	 * others; the next start removes the unfinished copy and goes on.
	 * @param store the opened file
	 * @param format the map of this backend's marks
	 */
	private static void convertDocuments(MVStore store, MVMap<String, String> format) {
		if (DOCUMENTS_FORMAT.equals(format.get(DOCUMENTS))) {
			return;
		}
		store.getMapNames().stream().filter((name) -> name.startsWith(CONVERTING)).toList().forEach(store::removeMap);
		List<String> collections = store.getMapNames().stream().filter((name) -> name.startsWith(DOCUMENTS_MAP)).toList();
		for (String name : collections) {
			convertCollection(store, format, name);
		}
		format.put(DOCUMENTS, DOCUMENTS_FORMAT);
		collections.forEach((name) -> format.remove(DOCUMENTS + ':' + name));
		store.commit();
	}

	/**
	 * Converts one collection's documents, unless a mark says it was done, and marks it done in the same commit.
	 * @param store the opened file
	 * @param format the map of this backend's marks
	 * @param name the collection's map of documents
	 */
	static void convertCollection(MVStore store, MVMap<String, String> format, String name) {
		String done = DOCUMENTS + ':' + name;
		if (DOCUMENTS_FORMAT.equals(format.get(done))) {
			return;
		}
		MVMap<Object, Object> old = store.openMap(name);
		MVMap<Object, Document> converted = store.openMap(CONVERTING + name, documentsMap());
		old.forEach((id, document) -> converted.put(id, (Document) document));
		store.removeMap(old);
		store.renameMap(converted, name);
		format.put(done, DOCUMENTS_FORMAT);
		store.commit();
	}

	private static MVMap.Builder<Object, Document> documentsMap() {
		return new MVMap.Builder<Object, Document>().valueType(BsonDocuments.INSTANCE);
	}

	/**
	 * Removes every index map, H2's and this backend's, so that the indexes are built again from the documents.
	 * @param store the opened file
	 */
	private static void removeIndexMaps(MVStore store) {
		List<String> names = store.getMapNames()
			.stream()
			.filter((name) -> name.contains(H2_INDEX_MAP) || name.contains(KEYS_MAP))
			.toList();
		names.forEach(store::removeMap);
		store.commit();
	}

	/**
	 * Where H2 splits a page, by the estimated heap size of what it holds: documents are weighed by their heap size
	 * ({@link BsonDocuments#getMemory}), three to four times what H2 counted when they were Java-serialised, so the
	 * default 16 KB would split the pages into a third of the documents and write more pages per commit.
	 */
	static final int PAGE_SPLIT_BYTES = 48 * 1024;

	/**
	 * How much unsaved change (estimated heap) calls for a commit: a sixth of the heap, between 8 and 64 MB. H2's
	 * default (8 MB under 300 MB of heap, 19 MB above) was sized for the lighter estimates of Java-serialised
	 * documents; with heap estimates it committed three times as often. The background writer still commits every
	 * second.
	 */
	static int autoCommitKilobytes() {
		long sixth = Runtime.getRuntime().maxMemory() / 6 / 1024;
		return (int) Math.max(8 * 1024, Math.min(64 * 1024, sixth));
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
		OPENING.set(getMvStore());
		try {
			return new StoreDatabase(databaseName, getMvStore(), getCursorRegistry());
		}
		finally {
			OPENING.remove();
		}
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

	/** A database of the H2 file whose unique indexes are keyed by bytes. */
	static final class StoreDatabase extends H2Database {

		private final MVStore store;

		StoreDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
			super(databaseName, store, cursors);
			this.store = store;
		}

		private MVStore store() {
			// null while H2Database's constructor opens the existing indexes
			return (this.store != null) ? this.store : OPENING.get();
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String namespace = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> documents = store().openMap(DOCUMENTS_MAP + namespace, documentsMap());
			MVMap<String, Object> meta = store().openMap(META_MAP + namespace);
			return new H2Collection(this, collectionName, options, documents, meta, this.cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			MVMap<byte[], Object> map = store().openMap(keysMapName(collectionName, indexName),
					new MVMap.Builder<byte[], Object>().keyType(KeyBytes.INSTANCE));
			// an empty map is filled from the collection's documents (AbstractMongoCollection.addIndex)
			return new KeyedUniqueIndex(map, indexName, keys, sparse);
		}

		@Override
		protected void dropIndex(MongoCollection<Object> collection, String indexName) {
			super.dropIndex(collection, indexName);
			store().removeMap(keysMapName(collection.getCollectionName(), indexName));
		}

		private String keysMapName(String collectionName, String indexName) {
			return getFullCollectionNamespace(collectionName) + KEYS_MAP + indexName;
		}

	}

	/**
	 * A unique index whose keys are the Java serialisation of each {@code KeyValue}, as H2 compared them, kept in an
	 * H2 map ordered by those bytes; its positions are the H2 collection's keys.
	 */
	static final class KeyedUniqueIndex extends AbstractUniqueIndex<Object> {

		private final MVMap<byte[], Object> keys;

		KeyedUniqueIndex(MVMap<byte[], Object> keys, String name, List<IndexKey> indexKeys, boolean sparse) {
			super(name, indexKeys, sparse);
			this.keys = keys;
		}

		private static byte[] bytes(KeyValue key) {
			return ObjectDataType.serialize(key);
		}

		@Override
		protected Object removeDocument(KeyValue key) {
			return this.keys.remove(bytes(key));
		}

		@Override
		protected boolean putKeyPosition(KeyValue key, Object position) {
			// as H2's index: a document without _id has the position Missing
			return this.keys.putIfAbsent(bytes(key), Missing.ofNullable(position)) == null;
		}

		@Override
		protected Iterable<Entry<KeyValue, Object>> getIterable() {
			// only for the queries a hash could not answer either (regular expressions, $gt and the like)
			return () -> {
				Iterator<Entry<byte[], Object>> entries = this.keys.entrySet().iterator();
				return new Iterator<>() {

					@Override
					public boolean hasNext() {
						return entries.hasNext();
					}

					@Override
					public Entry<KeyValue, Object> next() {
						Entry<byte[], Object> entry = entries.next();
						return new SimpleImmutableEntry<>((KeyValue) ObjectDataType.deserialize(entry.getKey()),
								entry.getValue());
					}

				};
			};
		}

		@Override
		protected Object getPosition(KeyValue key) {
			return this.keys.get(bytes(key));
		}

		@Override
		public long getCount() {
			return this.keys.sizeAsLong();
		}

		@Override
		public boolean isEmpty() {
			return this.keys.isEmpty();
		}

		@Override
		public long getDataSize() {
			return getCount();
		}

	}

	/** Byte arrays in an H2 map: written with their length, compared byte by byte. */
	static final class KeyBytes extends BasicDataType<byte[]> {

		static final KeyBytes INSTANCE = new KeyBytes();

		@Override
		public int getMemory(byte[] bytes) {
			return 24 + bytes.length;
		}

		@Override
		public void write(WriteBuffer buffer, byte[] bytes) {
			buffer.putVarInt(bytes.length).put(bytes);
		}

		@Override
		public byte[] read(ByteBuffer buffer) {
			byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
			buffer.get(bytes);
			return bytes;
		}

		@Override
		public int compare(byte[] a, byte[] b) {
			return Arrays.compare(a, b);
		}

		@Override
		public byte[][] createStorage(int size) {
			return new byte[size][];
		}

	}

}
