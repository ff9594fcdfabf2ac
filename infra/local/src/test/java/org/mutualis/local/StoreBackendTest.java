package org.mutualis.local;

import java.net.InetSocketAddress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoreBackendTest {

	@TempDir
	Path data;

	@Test
	void uniqueKeysAreRefusedAndFoundBeforeAndAfterARestart() {
		String file = file();
		serve(() -> StoreBackend.open(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			people.insertOne(new Document("_id", "p-1").append("email", "ana@ruche.demo"));
			people.insertOne(new Document("_id", "p-2").append("email", "bo@phare.demo"));
			assertRefusedAsDuplicate(people, new Document("_id", "p-3").append("email", "ana@ruche.demo"));
			assertRefusedAsDuplicate(people, new Document("_id", "p-1").append("email", "new@ruche.demo"));
			// a changed key frees the old one and takes the new one
			people.updateOne(Filters.eq("_id", "p-2"), Updates.set("email", "bo@ruche.demo"));
			people.insertOne(new Document("_id", "p-4").append("email", "bo@phare.demo"));
			people.deleteOne(Filters.eq("_id", "p-4"));
		});
		serve(() -> StoreBackend.open(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			assertThat(people.find(Filters.eq("email", "ana@ruche.demo")).first()).containsEntry("_id", "p-1");
			assertThat(people.find(Filters.eq("_id", "p-2")).first()).containsEntry("email", "bo@ruche.demo");
			assertThat(people.find(Filters.in("_id", "p-1", "p-2", "p-4")).into(new ArrayList<>())).hasSize(2);
			assertThat(people.find(Filters.regex("email", "^bo@")).into(new ArrayList<>())).hasSize(1);
			assertRefusedAsDuplicate(people, new Document("_id", "p-5").append("email", "bo@ruche.demo"));
			assertRefusedAsDuplicate(people, new Document("_id", "p-2"));
			people.insertOne(new Document("_id", "p-4").append("email", "bo@phare.demo"));
			people.updateOne(Filters.eq("_id", "p-6"), Updates.set("email", "cy@phare.demo"),
					new UpdateOptions().upsert(true));
			assertRefusedAsDuplicate(people, new Document("_id", "p-7").append("email", "cy@phare.demo"));
			assertThat(people.countDocuments()).isEqualTo(4);
		});
	}

	@Test
	void aFileOfAnEarlierVersionOpensWithItsDocumentsConvertedAndItsIndexesRebuilt() {
		String file = file();
		serve(() -> new H2Backend(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			people.insertOne(new Document("_id", "p-1").append("email", "ana@ruche.demo"));
			identity.getCollection("organisations").insertOne(everyKind("o-1"));
		});
		for (int start = 0; start < 2; start++) {
			serve(() -> {
				StoreBackend backend = StoreBackend.open(file);
				assertThat(backend.getMvStore().getMapNames()).noneMatch((name) -> name.contains("._index_"))
					.noneMatch((name) -> name.startsWith("mutualis.converting."))
					.contains("identity.people._keys__id_", "identity.people._keys_email_1");
				return backend;
			}, (identity) -> {
				MongoCollection<Document> people = identity.getCollection("people");
				assertThat(people.find(Filters.eq("email", "ana@ruche.demo")).first()).containsEntry("_id", "p-1");
				assertRefusedAsDuplicate(people, new Document("_id", "p-2").append("email", "ana@ruche.demo"));
				assertThat(identity.getCollection("organisations").find().first()).isEqualTo(everyKind("o-1"));
			});
		}
	}

	@Test
	void aConversionInterruptedHalfWayGoesOnFromWhereItStopped() {
		String file = file();
		serve(() -> new H2Backend(file), (identity) -> {
			identity.getCollection("people").insertOne(everyKind("p-1"));
			identity.getCollection("organisations").insertOne(everyKind("o-1"));
		});
		// as if the store had stopped after converting people, with a half-written copy of organisations
		MVStore store = new MVStore.Builder().fileName(file).open();
		MVMap<String, String> format = store.openMap("mutualis.store");
		StoreBackend.convertCollection(store, format, "databases.identity.people");
		store.openMap("mutualis.converting.databases.identity.organisations").put("o-9", "half");
		store.close();
		serve(() -> StoreBackend.open(file), (identity) -> {
			assertThat(identity.getCollection("people").find().first()).isEqualTo(everyKind("p-1"));
			assertThat(identity.getCollection("organisations").find().into(new ArrayList<>()))
				.containsExactly(everyKind("o-1"));
		});
	}

	@Test
	void documentsOfEveryKindOfValueReadBackTheSameAfterARestart() {
		String file = file();
		serve(() -> StoreBackend.open(file), (identity) -> {
			identity.getCollection("people").insertOne(everyKind("p-1"));
			identity.getCollection("people").updateOne(Filters.eq("_id", "p-1"), Updates.inc("count", 2));
		});
		serve(() -> StoreBackend.open(file), (identity) -> assertThat(identity.getCollection("people").find().first())
			.isEqualTo(everyKind("p-1").append("count", 3)));
	}

	/** A document with a value of each kind the services store. */
	private static Document everyKind(String id) {
		return new Document("_id", id).append("name", "Le Phare — café")
			.append("count", 1)
			.append("big", 12_345_678_901L)
			.append("ratio", 0.25)
			.append("active", true)
			.append("nothing", null)
			.append("at", Date.from(Instant.parse("2026-11-30T12:00:00.123Z")))
			.append("objectId", new ObjectId("656f0000aaaabbbbccccdddd"))
			.append("amount", new Decimal128(new BigDecimal("12.50")))
			.append("bytes", new Binary(new byte[] { 1, 2, 3 }))
			.append("tags", List.of("a", "b"))
			.append("holds", List.of(new Document("id", "h-1").append("q", 2), new Document("id", "h-2")))
			.append("nested", new Document("s", new Document("123", 4)));
	}

	@Test
	void aDroppedCollectionOrIndexLeavesNoKeysBehind() {
		String file = file();
		serve(() -> StoreBackend.open(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			people.insertOne(new Document("_id", "p-1").append("email", "ana@ruche.demo"));
			people.drop();
			people.insertOne(new Document("_id", "p-1").append("email", "ana@ruche.demo"));
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			people.dropIndex("email_1");
			people.insertOne(new Document("_id", "p-2").append("email", "ana@ruche.demo"));
		});
		serve(() -> StoreBackend.open(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			assertThat(people.countDocuments()).isEqualTo(2);
			people.insertOne(new Document("_id", "p-3").append("email", "ana@ruche.demo"));
			assertRefusedAsDuplicate(people, new Document("_id", "p-3"));
		});
	}

	@Test
	void indexesWhoseBuildWasInterruptedAreBuiltAgain() {
		String file = file();
		serve(() -> StoreBackend.open(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			people.insertOne(new Document("_id", "p-1").append("email", "ana@ruche.demo"));
		});
		// as if the store had stopped half-way through building its indexes: no mark, and a key without document
		MVStore store = new MVStore.Builder().fileName(file).open();
		store.openMap("mutualis.store").remove("indexes");
		store.openMap("identity.people._keys_email_1",
				new MVMap.Builder<byte[], Object>().keyType(StoreBackend.KeyBytes.INSTANCE))
			.put(ObjectDataType.serialize(new KeyValue("bo@phare.demo")), "p-9");
		store.close();
		serve(() -> StoreBackend.open(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			people.insertOne(new Document("_id", "p-2").append("email", "bo@phare.demo"));
			assertRefusedAsDuplicate(people, new Document("_id", "p-3").append("email", "ana@ruche.demo"));
		});
	}

	private String file() {
		return this.data.resolve("store.mv").toString();
	}

	private static void serve(Supplier<H2Backend> backend, Consumer<MongoDatabase> use) {
		MongoServer server = new MongoServer(backend.get());
		try {
			InetSocketAddress address = server.bind();
			try (MongoClient client = MongoClients
				.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
				use.accept(client.getDatabase("identity"));
			}
		}
		finally {
			server.shutdown();
		}
	}

	private static void assertRefusedAsDuplicate(MongoCollection<Document> collection, Document document) {
		assertThatExceptionOfType(MongoWriteException.class).isThrownBy(() -> collection.insertOne(document))
			.satisfies((e) -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
	}

}
