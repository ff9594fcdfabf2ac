package org.mutualis.platform.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.aggregate.StaleVersion;
import org.mutualis.platform.events.EventRecorder;
import org.mutualis.platform.events.EventsProperties;
import org.mutualis.platform.events.OutboxMessage;
import org.mutualis.platform.events.OutboxRelay;
import org.mutualis.platform.test.RecordedFinds;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The platform store writes state, version and events together or not at all, on the embedded or container store. */
class AggregateStoreTest {

	private static final String COLLECTION = "shelves";

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final MongoTemplate mongo = new MongoTemplate(
			MongoClients.create(TestInfrastructure.get().mongoConnectionString()), "store-" + System.nanoTime());

	private final AggregateStore store = new AggregateStore(this.mongo,
			new EventRecorder(this.mapper, Clock.fixed(NOW, ZoneOffset.UTC)));

	@Test
	void newAggregateIsStoredAtVersionZeroWithItsEvents() {
		Shelf shelf = Shelf.create("s1", "La Ruche");
		shelf.lend("Le Phare");

		assertThat(save(shelf)).isZero();

		assertThat(shelf.version()).isZero();
		assertThat(shelf.pendingEvents()).isEmpty();
		Document raw = raw("s1");
		assertThat(raw.getLong("version")).isZero();
		assertThat(raw.getString("borrower")).isEqualTo("Le Phare");
		assertThat(raw.getList("outbox", Document.class)).extracting((entry) -> entry.getString("type"))
			.containsExactly("mutualis.shelf.lent.v1");
		Stored<ShelfState> loaded = this.store.find(COLLECTION, "s1", ShelfState.class).orElseThrow();
		assertThat(loaded.version()).isZero();
		assertThat(loaded.document()).isEqualTo(new ShelfState("s1", "La Ruche", "Le Phare"));
	}

	@Test
	void theFirstSaveGivesTheCollectionAUniqueIndexOnExactlyTheConditionalUpdatesFilter() {
		save(Shelf.create("s0", "La Ruche"));

		assertThat(this.mongo.indexOps(COLLECTION).getIndexInfo())
			.filteredOn((index) -> index.getName().equals("id_version"))
			.singleElement()
			.satisfies((index) -> {
				assertThat(index.isUnique()).isTrue();
				assertThat(index.getIndexFields()).extracting((field) -> field.getKey()).containsExactly("_id", "version");
			});
	}

	@Test
	void eachSaveMovesTheVersionOnAndAppendsEventsInOrder() {
		Shelf shelf = Shelf.create("s2", "La Ruche");
		save(shelf);
		shelf.lend("Le Phare");
		assertThat(save(shelf)).isEqualTo(1);
		shelf.giveBack();
		assertThat(save(shelf)).isEqualTo(2);

		Document raw = raw("s2");
		assertThat(raw.getLong("version")).isEqualTo(2);
		assertThat(raw.getList("outbox", Document.class)).extracting((entry) -> entry.getString("type"))
			.containsExactly("mutualis.shelf.lent.v1", "mutualis.shelf.returned.v1");
	}

	@Test
	void aPropertyThatBecameNullIsRemovedFromTheStoredDocument() {
		Shelf shelf = Shelf.create("s3", "La Ruche");
		shelf.lend("Le Phare");
		save(shelf);
		shelf.giveBack();
		save(shelf);

		assertThat(raw("s3").containsKey("borrower")).isFalse();
		assertThat(this.store.find(COLLECTION, "s3", ShelfState.class).orElseThrow().document().borrower()).isNull();
	}

	@Test
	void staleVersionWritesNothingNeitherStateNorEvents() {
		Shelf shelf = Shelf.create("s4", "La Ruche");
		save(shelf);
		Shelf first = load("s4");
		Shelf second = load("s4");
		first.lend("Le Phare");
		save(first);

		second.lend("Les Jardins");
		assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersion.class);

		Document raw = raw("s4");
		assertThat(raw.getString("borrower")).isEqualTo("Le Phare");
		assertThat(raw.getLong("version")).isEqualTo(1);
		assertThat(raw.getList("outbox", Document.class)).hasSize(1);
		assertThat(second.pendingEvents()).hasSize(1);
		assertThat(second.version()).isZero();
	}

	@Test
	void concurrentWritersOfOneVersionHaveExactlyOneWinner() throws Exception {
		save(Shelf.create("s5", "La Ruche"));
		int writers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			String borrower = "org-" + i;
			Shelf copy = load("s5");
			results.add(pool.submit(() -> {
				copy.lend(borrower);
				start.await();
				try {
					save(copy);
					return true;
				}
				catch (StaleVersion ex) {
					return false;
				}
			}));
		}
		start.countDown();
		int winners = 0;
		for (Future<Boolean> result : results) {
			winners += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(winners).isEqualTo(1);
		assertThat(raw("s5").getList("outbox", Document.class)).hasSize(1);
	}

	@Test
	void aNewAggregateWhoseIdExistsIsRefusedAndLeavesTheStoredOneAlone() {
		save(Shelf.create("s6", "La Ruche"));
		Shelf impostor = Shelf.create("s6", "Le Phare");
		impostor.lend("x");

		assertThatThrownBy(() -> save(impostor)).isInstanceOf(DuplicateKeyException.class);
		assertThat(raw("s6").getString("owner")).isEqualTo("La Ruche");
		assertThat(raw("s6").getList("outbox", Document.class)).isEmpty();
	}

	@Test
	void theRelayReadsTheStoredEntryAsTheMessageThatWasRecorded() {
		Shelf shelf = Shelf.create("s7", "La Ruche");
		shelf.lend("Le Phare");
		save(shelf);

		Document entry = raw("s7").getList("outbox", Document.class).get(0);
		OutboxMessage message = OutboxMessage.fromDocument(entry);
		assertThat(message.topic()).isEqualTo("mutualis.shelves.v1");
		assertThat(message.type()).isEqualTo("mutualis.shelf.lent.v1");
		assertThat(message.subject()).isEqualTo("s7");
		assertThat(message.time()).isEqualTo(NOW);
		assertThat(this.mapper.readTree(message.payload()).get("borrower").asString()).isEqualTo("Le Phare");
		assertThat(message.toDocument()).isEqualTo(entry);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theRelayPublishesWhatTheStoreWroteAndEmptiesTheOutbox() {
		Shelf shelf = Shelf.create("s8", "La Ruche");
		shelf.lend("Le Phare");
		save(shelf);
		shelf.giveBack();
		save(shelf);
		KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
		given(kafka.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
			.willReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
		EventsProperties properties = new EventsProperties("/mutualis/test", List.of(COLLECTION),
				Duration.ofMillis(100), 50, Duration.ofSeconds(2), Duration.ofMillis(100), 0, Duration.ofSeconds(1));

		assertThat(new OutboxRelay(this.mongo, kafka, this.mapper, properties).publishPending()).isEqualTo(2);

		assertThat(raw("s8").getList("outbox", Document.class)).isEmpty();
		assertThat(load("s8").version()).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRunningRelayPublishesEverySaveInOrderFromItsCommitSignalsWithoutReadingTheDocuments() {
		List<String> sent = new CopyOnWriteArrayList<>();
		KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
		given(kafka.send(any(ProducerRecord.class))).willAnswer((invocation) -> {
			ProducerRecord<String, String> record = invocation.getArgument(0);
			sent.add(this.mapper.readTree(record.value()).get("type").asString());
			return CompletableFuture.completedFuture(mock(SendResult.class));
		});
		RecordedFinds recorded = new RecordedFinds(this.mongo.getDb().getName());
		MongoTemplate counted = recorded.template();
		List<String> reads = recorded.finds();
		// the fallback scan only at the start (every ten minutes after)
		EventsProperties properties = new EventsProperties("/mutualis/test", List.of(COLLECTION), Duration.ofMinutes(1),
				50, Duration.ofSeconds(2), Duration.ofMillis(100), 0, Duration.ofMinutes(10));
		OutboxRelay relay = new OutboxRelay(counted, kafka, this.mapper, properties);
		relay.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> reads.size() == 1);
			reads.clear();

			Shelf shelf = Shelf.create("s10", "La Ruche");
			shelf.lend("Le Phare");
			save(shelf);
			shelf.giveBack();
			save(shelf);
			shelf.lend("Les Jardins solidaires");
			save(shelf);

			await().atMost(Duration.ofSeconds(5)).until(() -> raw("s10").getList("outbox", Document.class).isEmpty());
			assertThat(sent).containsExactly("mutualis.shelf.lent.v1", "mutualis.shelf.returned.v1",
					"mutualis.shelf.lent.v1");
			assertThat(reads).as("the signals carried every event: nothing read back").isEmpty();
		}
		finally {
			relay.stop();
		}
	}

	@Test
	void forEachVisitsEveryMatchingDocumentWithItsVersion() {
		save(Shelf.create("s9", "Club A"));
		Shelf lent = Shelf.create("s10", "Club A");
		save(lent);
		lent.lend("Le Phare");
		save(lent);
		save(Shelf.create("s11", "Club B"));
		List<String> seen = new ArrayList<>();

		this.store.forEach(COLLECTION, Query.query(Criteria.where("owner").is("Club A")), ShelfState.class,
				(stored) -> seen.add(stored.document().id() + "@" + stored.version()));

		assertThat(seen).containsExactlyInAnyOrder("s9@0", "s10@1");
	}

	private long save(Shelf shelf) {
		return this.store.save(COLLECTION, shelf, shelf.state(), "mutualis.shelves.v1", ShelfEvent::type);
	}

	private Shelf load(String id) {
		Stored<ShelfState> stored = this.store.find(COLLECTION, id, ShelfState.class).orElseThrow();
		return new Shelf(stored.document(), stored.version());
	}

	private Document raw(String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, COLLECTION);
	}

	/** What a shelf stores. */
	record ShelfState(String id, String owner, @Nullable String borrower) {
	}

	/** A fact about a shelf. */
	sealed interface ShelfEvent {

		String type();

	}

	/** A shelf was lent. */
	record ShelfLent(String shelfId, String borrower) implements ShelfEvent {

		@Override
		public String type() {
			return "mutualis.shelf.lent.v1";
		}

	}

	/** A shelf came back. */
	record ShelfReturned(String shelfId) implements ShelfEvent {

		@Override
		public String type() {
			return "mutualis.shelf.returned.v1";
		}

	}

	/** A minimal aggregate in the platform idiom. */
	static final class Shelf extends AggregateRoot<ShelfEvent> {

		private final String id;

		private final String owner;

		private @Nullable String borrower;

		Shelf(ShelfState state, long version) {
			super(version);
			this.id = state.id();
			this.owner = state.owner();
			this.borrower = state.borrower();
		}

		static Shelf create(String id, String owner) {
			return new Shelf(new ShelfState(id, owner, null), NEW);
		}

		@Override
		public String id() {
			return this.id;
		}

		ShelfState state() {
			return new ShelfState(this.id, this.owner, this.borrower);
		}

		void lend(String to) {
			if (this.borrower != null) {
				throw new IllegalStateException("lent");
			}
			this.borrower = to;
			record(new ShelfLent(this.id, to));
		}

		void giveBack() {
			this.borrower = null;
			record(new ShelfReturned(this.id));
		}

	}

}
