package org.mutualis.platform.it;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.events.EventRecorder;
import org.mutualis.platform.events.EventsProperties;
import org.mutualis.platform.events.OutboxMessage;
import org.mutualis.platform.events.OutboxRelay;
import org.mutualis.platform.events.OutboxWakeUp;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.test.RecordedFinds;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The relay removes from an outbox only what the broker acknowledged, so an outage loses nothing and keeps order. */
class OutboxRelayIT {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(TestInfrastructure.get().mongoConnectionString()),
			"relay-" + System.nanoTime());

	private final EventRecorder recorder = new EventRecorder(this.mapper, Clock.systemUTC());

	private final EventsProperties properties = new EventsProperties("/mutualis/test", List.of("things"),
			Duration.ofMillis(100), 50, Duration.ofSeconds(2), Duration.ofMillis(100), 0, Duration.ofSeconds(1));

	@Test
	@SuppressWarnings("unchecked")
	void keepsEveryEventWhileTheBrokerIsAwayAndPublishesThemWhenItIsBack() {
		insertThing("t1", event("t1"), event("t1"));
		KafkaTemplate<String, String> away = mock(KafkaTemplate.class);
		given(away.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
			.willReturn(CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("broker away")));

		assertThat(new OutboxRelay(this.mongo, away, this.mapper, this.properties).publishPending()).isZero();
		assertThat(outbox("t1")).hasSize(2);

		KafkaTemplate<String, String> back = mock(KafkaTemplate.class);
		given(back.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
			.willReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
		assertThat(new OutboxRelay(this.mongo, back, this.mapper, this.properties).publishPending()).isEqualTo(2);
		assertThat(outbox("t1")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void removesOnlyTheAcknowledgedPrefixSoLaterEventsWaitInOrder() {
		insertThing("t2", event("t2"), event("t2"), event("t2"));
		List<String> ids = outbox("t2").stream().map((d) -> d.getString("id")).toList();
		KafkaTemplate<String, String> flaky = mock(KafkaTemplate.class);
		given(flaky.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
			.willReturn(CompletableFuture.completedFuture(mock(SendResult.class)))
			.willReturn(CompletableFuture.failedFuture(new IllegalStateException("lost")))
			.willReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

		assertThat(new OutboxRelay(this.mongo, flaky, this.mapper, this.properties).publishPending()).isEqualTo(1);
		assertThat(outbox("t2")).extracting((d) -> d.getString("id")).containsExactly(ids.get(1), ids.get(2));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSignalledDocumentGoesOutAtOnceWhileUnsignalledOnesWaitForTheScan() {
		insertThing("before-start", event("before-start"));
		KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
		given(kafka.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
			.willReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
		EventsProperties slowPolling = new EventsProperties("/mutualis/test", List.of("things"), Duration.ofSeconds(30),
				50, Duration.ofSeconds(2), Duration.ofMillis(100), 0, Duration.ofMinutes(5));
		OutboxRelay relay = new OutboxRelay(this.mongo, kafka, this.mapper, slowPolling);
		relay.start();
		try {
			// the first pass scans: what was stored before the start goes out
			await().atMost(Duration.ofSeconds(5)).until(() -> outbox("before-start").isEmpty());

			insertThing("unsignalled", event("unsignalled"));
			insertThing("signalled", event("signalled"));
			OutboxWakeUp.committed("things", "signalled");
			await().atMost(Duration.ofSeconds(2)).until(() -> outbox("signalled").isEmpty());
			assertThat(outbox("unsignalled")).as("a signalled pass reads only the documents it names").hasSize(1);

			OutboxWakeUp.committed();
			await().atMost(Duration.ofSeconds(2)).until(() -> outbox("unsignalled").isEmpty());
		}
		finally {
			relay.stop();
		}
	}

	@Test
	void theScanForUnsignalledEventsRunsEveryScanIntervalNotEveryFewPolls() {
		KafkaTemplate<String, String> kafka = recording(new CopyOnWriteArrayList<>());
		// polls every 100 ms: the scan used to come every tenth poll, every second
		EventsProperties scanEvery3s = new EventsProperties("/mutualis/test", List.of("things"), Duration.ofMillis(100),
				50, Duration.ofSeconds(2), Duration.ofMillis(100), 0, Duration.ofSeconds(3));
		OutboxRelay relay = new OutboxRelay(this.mongo, kafka, this.mapper, scanEvery3s);
		relay.start();
		try {
			await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
			long inserted = System.nanoTime();
			insertThing("left-over", event("left-over"));
			await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
			assertThat(outbox("left-over")).as("no scan 1.5 s after the last one").hasSize(1);
			await().atMost(Duration.ofSeconds(5)).until(() -> outbox("left-over").isEmpty());
			assertThat(Duration.ofNanos(System.nanoTime() - inserted)).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			relay.stop();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void eventsCarriedByTheSignalOfTheNextVersionGoOutWithoutAReadWhileAVersionNotSeenIsRead() {
		List<String> sent = new CopyOnWriteArrayList<>();
		KafkaTemplate<String, String> kafka = recording(sent);
		RecordedFinds recorded = new RecordedFinds(this.mongo.getDb().getName());
		MongoTemplate counted = recorded.template();
		List<String> finds = recorded.finds();
		EventsProperties slowPolling = new EventsProperties("/mutualis/test", List.of("things"), Duration.ofSeconds(30),
				50, Duration.ofSeconds(2), Duration.ofMillis(100), 0, Duration.ofMinutes(5));
		OutboxRelay relay = new OutboxRelay(counted, kafka, this.mapper, slowPolling);
		relay.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> !finds.isEmpty());
			// the first pass's scan is over once its (empty) read returned
			await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> true);
			finds.clear();

			OutboxMessage first = event("carried");
			insertThing("carried", 0, first);
			OutboxWakeUp.committed("things", "carried", 0, List.of(first));
			await().atMost(Duration.ofSeconds(2)).until(() -> outbox("carried").isEmpty());

			OutboxMessage second = event("carried");
			OutboxMessage third = event("carried");
			appendThing("carried", 1, second, third);
			OutboxWakeUp.committed("things", "carried", 1, List.of(second, third));
			await().atMost(Duration.ofSeconds(2)).until(() -> outbox("carried").isEmpty());

			assertThat(sent).containsExactly(first.id(), second.id(), third.id());
			assertThat(finds).as("the relay read nothing: the signals carried every pending event").isEmpty();

			// a version this relay did not see signalled (another instance's write): the document is read
			OutboxMessage unseen = event("elsewhere");
			OutboxMessage next = event("elsewhere");
			insertThing("elsewhere", 1, unseen, next);
			OutboxWakeUp.committed("things", "elsewhere", 1, List.of(next));
			await().atMost(Duration.ofSeconds(2)).until(() -> outbox("elsewhere").isEmpty());
			assertThat(sent).containsSubsequence(unseen.id(), next.id());
			assertThat(finds).hasSize(1);
		}
		finally {
			relay.stop();
		}
	}

	@SuppressWarnings("unchecked")
	private static KafkaTemplate<String, String> recording(List<String> sent) {
		KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
		given(kafka.send(any(ProducerRecord.class))).willAnswer((invocation) -> {
			ProducerRecord<String, String> record = invocation.getArgument(0);
			sent.add(JsonMapper.builder().build().readTree(record.value()).get("id").asString());
			return CompletableFuture.completedFuture(mock(SendResult.class));
		});
		return kafka;
	}

	private OutboxMessage event(String subject) {
		return this.recorder.record(Topics.BOOKINGS, "mutualis.thing.happened.v1", subject, java.util.Map.of("n", 1));
	}

	private void insertThing(String id, OutboxMessage... events) {
		this.mongo.insert(new Document("_id", id).append("outbox", java.util.Arrays.stream(events)
			.map(OutboxMessage::toDocument)
			.toList()), "things");
	}

	private void insertThing(String id, long version, OutboxMessage... events) {
		this.mongo.insert(new Document("_id", id).append("version", version)
			.append("outbox", java.util.Arrays.stream(events).map(OutboxMessage::toDocument).toList()), "things");
	}

	private void appendThing(String id, long version, OutboxMessage... events) {
		this.mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
				new org.springframework.data.mongodb.core.query.Update().set("version", version)
					.push("outbox")
					.each(java.util.Arrays.stream(events).map(OutboxMessage::toDocument).toArray()),
				"things");
	}

	private List<Document> outbox(String id) {
		return this.mongo.findById(id, Document.class, "things").getList("outbox", Document.class);
	}

}
