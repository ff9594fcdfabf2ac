package org.mutualis.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real services on the real broker: identity records an organisation's approval and its event in one write,
 * its outbox relay publishes it, listings applies it (the organisation may then submit listings), and the same
 * event delivered a second time changes nothing in listings.
 */
class EventsAcrossServicesIT {

	private static final String APPROVED = "mutualis.organisation.approved.v1";

	private static final String LISTINGS_CONSUMER = "listings-organisation-directory";

	@Test
	void listingsAppliesIdentitysApprovalOnceEvenWhenItIsDeliveredTwice() throws Exception {
		RunningSystem system = RunningSystem.get();
		Api anonymous = new Api(system.gateway(), null);
		TokenClient tokens = new TokenClient(system.gateway());
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String managerEmail = "gestion-" + suffix + "@jardin.test";
		String password = "Jardin-" + suffix + "-Partage";

		Api.Response registered = anonymous.post("/api/identity/organisations", """
				{"name":"Jardin partagé %s","legalForm":"COOPERATIVE","sector":"Agriculture urbaine",
				 "mrc":"Roussillon","municipality":"Châteauguay","contactEmail":"%s","preferredLanguage":"fr",
				 "manager":{"email":"%s","displayName":"Gestion Jardin","password":"%s"}}
				""".formatted(suffix, managerEmail, managerEmail, password));
		assertThat(registered.status()).as(registered.body()).isEqualTo(202);
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", IdentityJourneyIT.PASSWORD, null));
		String organisation = admin.registeredOrganisationNamed("Jardin partagé " + suffix);
		tokens.proveAddress(new MailFolder(system.mailFolder()), managerEmail);
		Api manager = anonymous.as(tokens.accessToken(managerEmail, password, organisation));
		String listing = manager.post("/api/listings", ListingsJourneyIT.listingJson("Motoculteur partagé " + suffix))
			.json()
			.get("id")
			.asString();
		Api.Response tooEarly = manager.post("/api/listings/" + listing + "/submit", null);
		assertThat(tooEarly.status()).as("a registered, not yet approved organisation may not submit").isEqualTo(422);

		assertThat(admin.post("/api/identity/admin/organisations/" + organisation + "/approve", null).status()).isEqualTo(200);

		ConsumerRecord<String, String> approval = readIdentityEvent(organisation, APPROVED);
		String eventId = Api.JSON.readTree(approval.value()).get("id").asString();
		try (MongoClient mongo = MongoClients.create(TestInfrastructure.get().mongoConnectionString())) {
			MongoCollection<Document> processed = mongo.getDatabase("listings").getCollection("processed_events");
			MongoCollection<Document> directory = mongo.getDatabase("listings").getCollection("organisations");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> processed.countDocuments(Filters.eq("_id", LISTINGS_CONSUMER + ":" + eventId)) == 1);
			assertThat(manager.post("/api/listings/" + listing + "/submit", null).status()).isEqualTo(200);
			assertThat(directory.find(Filters.eq("_id", organisation)).first().getInteger("eventsApplied"))
				.as("registered, approved").isEqualTo(2);

			redeliver(approval);
			// a later event on the same key proves the duplicate has been consumed before we look
			assertThat(admin.post("/api/identity/admin/organisations/" + organisation + "/suspend",
					"{\"reason\":\"Vérification\"}").status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30)).until(() -> "SUSPENDED"
				.equals(directory.find(Filters.eq("_id", organisation)).first().getString("status")));

			assertThat(directory.find(Filters.eq("_id", organisation)).first().getInteger("eventsApplied"))
				.as("registered, approved, suspended: the redelivered approval was not applied again").isEqualTo(3);
		}
	}

	private static ConsumerRecord<String, String> readIdentityEvent(String organisation, String type) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"system-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			reader.subscribe(List.of("mutualis.identity.v1"));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
					if (organisation.equals(record.key()) && record.value().contains("\"" + type + "\"")) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("identity published no " + type + " for " + organisation);
	}

	private static void redeliver(ConsumerRecord<String, String> record) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())).get();
		}
	}

}
