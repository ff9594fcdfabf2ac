package org.mutualis.local;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoreBackendTest {

	@TempDir
	Path data;

	@Test
	void uniqueKeysAreRefusedAndFoundBeforeAndAfterARestart() {
		String file = this.data.resolve("store.mv").toString();
		serve(() -> StoreBackend.open(file), (people) -> {
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
		serve(() -> StoreBackend.open(file), (people) -> {
			assertThat(people.find(Filters.eq("email", "ana@ruche.demo")).first()).containsEntry("_id", "p-1");
			assertThat(people.find(Filters.eq("_id", "p-2")).first()).containsEntry("email", "bo@ruche.demo");
			assertThat(people.find(Filters.in("_id", "p-1", "p-2", "p-4")).into(new java.util.ArrayList<>())).hasSize(2);
			assertRefusedAsDuplicate(people, new Document("_id", "p-5").append("email", "bo@ruche.demo"));
			assertRefusedAsDuplicate(people, new Document("_id", "p-2"));
			people.insertOne(new Document("_id", "p-4").append("email", "bo@phare.demo"));
			people.updateOne(Filters.eq("_id", "p-6"), Updates.set("email", "cy@phare.demo"), new UpdateOptions().upsert(true));
			assertRefusedAsDuplicate(people, new Document("_id", "p-7").append("email", "cy@phare.demo"));
			assertThat(people.countDocuments()).isEqualTo(4);
		});
	}

	@Test
	void aFileOfAnEarlierVersionOpensWithItsIndexesRebuiltAndStaysReadableByIt() {
		String file = this.data.resolve("store.mv").toString();
		serve(() -> new H2Backend(file), (people) -> {
			people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
			people.insertOne(new Document("_id", "p-1").append("email", "ana@ruche.demo"));
		});
		serve(() -> {
			StoreBackend backend = StoreBackend.open(file);
			assertThat(backend.getMvStore().getMapNames()).noneMatch((name) -> name.contains("._index_"));
			return backend;
		}, (people) -> {
			assertThat(people.find(Filters.eq("email", "ana@ruche.demo")).first()).containsEntry("_id", "p-1");
			assertRefusedAsDuplicate(people, new Document("_id", "p-2").append("email", "ana@ruche.demo"));
			people.insertOne(new Document("_id", "p-2").append("email", "bo@phare.demo"));
		});
		// the earlier version finds no index maps, so it builds them from the documents instead of trusting stale ones
		serve(() -> new H2Backend(file), (people) -> {
			assertThat(people.find(Filters.eq("email", "bo@phare.demo")).first()).containsEntry("_id", "p-2");
			assertRefusedAsDuplicate(people, new Document("_id", "p-3").append("email", "bo@phare.demo"));
		});
	}

	private static void serve(Supplier<H2Backend> backend, Consumer<MongoCollection<Document>> use) {
		MongoServer server = new MongoServer(backend.get());
		try {
			InetSocketAddress address = server.bind();
			try (MongoClient client = MongoClients
				.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
				use.accept(client.getDatabase("identity").getCollection("people"));
			}
		}
		finally {
			server.shutdown();
		}
	}

	private static void assertRefusedAsDuplicate(MongoCollection<Document> people, Document document) {
		assertThatExceptionOfType(MongoWriteException.class).isThrownBy(() -> people.insertOne(document))
			.satisfies((e) -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
	}

}
