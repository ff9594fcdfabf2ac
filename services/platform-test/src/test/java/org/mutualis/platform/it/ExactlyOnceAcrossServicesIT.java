package org.mutualis.platform.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.it.consumer.NoteCounterService;
import org.mutualis.platform.it.producer.NotesService;
import org.mutualis.platform.test.InfrastructureInitializer;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two services, each with its own database, share the real broker: the producer writes a note and its event in
 * one document; its outbox relay publishes; the consumer applies the event exactly once, even when the event is
 * delivered again; what it can never apply lands in the dead-letter topic with its error.
 */
class ExactlyOnceAcrossServicesIT {

	private static ConfigurableApplicationContext producer;

	private static ConfigurableApplicationContext consumer;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startServices() {
		producer = start(NotesService.class, "notes", "notes");
		consumer = start(NoteCounterService.class, "note-counter", "");
	}

	@AfterAll
	static void stopServices() {
		consumer.close();
		producer.close();
	}

	@Test
	void appliesAnEventOnceEvenWhenItIsDeliveredTwice() throws Exception {
		Map<String, String> written = writeNote("Salle communautaire libre jeudi");
		String noteId = written.get("id");
		NoteCounterService.NoteListener listener = consumer.getBean(NoteCounterService.NoteListener.class);

		await().atMost(Duration.ofSeconds(30)).until(() -> listener.applied(noteId) == 1);
		MongoTemplate producerDb = producer.getBean(MongoTemplate.class);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> producerDb.findById(noteId, Document.class, "notes").getList("outbox", Document.class).isEmpty());

		ConsumerRecord<String, String> published = readBack(Topics.CONVERSATIONS, noteId);
		int deliveriesBefore = listener.deliveries.get();
		redeliver(published);

		await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries.get() == deliveriesBefore + 1);
		assertThat(listener.applied(noteId)).isEqualTo(1);
		assertThat(consumer.getBean(MongoTemplate.class)
			.count(org.springframework.data.mongodb.core.query.Query.query(
					org.springframework.data.mongodb.core.query.Criteria.where("_id").is("note-counter:" + written.get("eventId"))),
					"processed_events")).isEqualTo(1);
	}

	@Test
	void sendsWhatCannotBeAppliedToTheDeadLetterTopicWithItsError() throws Exception {
		String noteId = writeNote("poison").get("id");
		ConsumerRecord<String, String> dead = readBack(Topics.deadLetter(Topics.CONVERSATIONS), noteId);
		assertThat(dead.value()).contains("\"poison\"");
		Header error = dead.headers().lastHeader("kafka_dlt-exception-message");
		assertThat(error).isNotNull();
		assertThat(new String(error.value())).contains("this note can never be applied");
		assertThat(consumer.getBean(NoteCounterService.NoteListener.class).applied(noteId)).isZero();
	}

	@Test
	void sendsAMessageThatIsNotAnEventStraightToTheDeadLetterTopic() throws Exception {
		String key = "garbage-" + UUID.randomUUID();
		try (KafkaProducer<String, String> kafka = producer()) {
			kafka.send(new ProducerRecord<>(Topics.CONVERSATIONS, key, "{not json")).get();
		}
		ConsumerRecord<String, String> dead = readBack(Topics.deadLetter(Topics.CONVERSATIONS), key);
		assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value())).contains("not JSON");
	}

	private Map<String, String> writeNote(String text) throws Exception {
		int port = producer.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		tools.jackson.databind.JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
		return Map.of("id", body.get("id").asString(), "eventId", body.get("eventId").asString());
	}

	private static ConsumerRecord<String, String> readBack(String topic, String key) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			reader.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("no record with key " + key + " on " + topic);
	}

	private static void redeliver(ConsumerRecord<String, String> record) throws Exception {
		try (KafkaProducer<String, String> kafka = producer()) {
			kafka.send(new ProducerRecord<>(record.topic(), record.key(), record.value())).get();
		}
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

	private static ConfigurableApplicationContext start(Class<?> service, String name, String outboxCollections) {
		return new SpringApplicationBuilder(service).initializers(new InfrastructureInitializer())
			.properties("spring.application.name=" + name, "spring.config.import=classpath:mutualis-defaults.yml",
					"server.port=0", "mutualis.events.source=/mutualis/" + name.replace("-", ""),
					"mutualis.events.outbox-collections=" + outboxCollections, "mutualis.security.public-paths=/api/notes",
					"spring.kafka.consumer.group-id=" + name, "logging.structured.format.console=")
			.run();
	}

}
