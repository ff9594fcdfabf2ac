package org.mutualis.local;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
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
	void aFileOfAnEarlierVersionOpensWithItsIndexesRebuiltAndStaysReadableByIt() {
		String file = file();
		serve(() -> new H2Backend(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			people.insertOne(new Document("_id", "p-1").append("email", "ana@ruche.demo"));
		});
		serve(() -> {
			StoreBackend backend = StoreBackend.open(file);
			assertThat(backend.getMvStore().getMapNames()).noneMatch((name) -> name.contains("._index_"))
				.contains("identity.people._keys__id_", "identity.people._keys_email_1");
			return backend;
		}, (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			assertThat(people.find(Filters.eq("email", "ana@ruche.demo")).first()).containsEntry("_id", "p-1");
			assertRefusedAsDuplicate(people, new Document("_id", "p-2").append("email", "ana@ruche.demo"));
			people.insertOne(new Document("_id", "p-2").append("email", "bo@phare.demo"));
		});
		// the earlier version finds no index maps of its own, so it builds them from the documents
		serve(() -> new H2Backend(file), (identity) -> {
			MongoCollection<Document> people = identity.getCollection("people");
			assertThat(people.find(Filters.eq("email", "bo@phare.demo")).first()).containsEntry("_id", "p-2");
			assertRefusedAsDuplicate(people, new Document("_id", "p-3").append("email", "bo@phare.demo"));
		});
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
