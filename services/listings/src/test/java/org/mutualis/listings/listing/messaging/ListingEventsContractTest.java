package org.mutualis.listings.listing.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mutualis.contracts.EventContracts;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.listing.Listing;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ListingEventsContractTest extends ApiTestSupport {

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@Test
	void everyEventPublishedHonoursItsContract() {
		Listing listing = draftOfA();
		String id = listing.id();
		var manager = actor(TestActors.MANAGER_A);
		var admin = actor(TestActors.ADMIN);
		Listing pending = this.management.submit(manager, id, null);
		Listing rejected = this.moderation.reject(admin, id, "Ajoutez une photo", pending.version());
		pending = this.management.submit(manager, id, rejected.version());
		Listing published = this.moderation.publish(admin, id, pending.version());
		// a substantive edit of a published listing goes back to review, then is published again
		Listing edited = this.management.edit(manager, id, published.version(),
				ListingFixtures.roomTitled("Salle rénovée"));
		published = this.moderation.publish(admin, id, edited.version());
		this.moderation.suspend(admin, id, "Signalements", published.version());
		this.moderation.reinstate(admin, id, null);
		this.management.archive(manager, id, null);

		Map<String, ConsumerRecord<String, String>> byType = new ConcurrentHashMap<>();
		List<String> order = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(Topics.LISTINGS));
			await().atMost(Duration.ofSeconds(45)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
					JsonNode envelope = this.json.readTree(record.value());
					if (id.equals(envelope.get("subject").asString())) {
						byType.put(envelope.get("type").asString(), record);
						order.add(envelope.get("type").asString());
					}
				}
				return byType.size() == 7;
			});
		}
		assertThat(byType.keySet()).containsExactlyInAnyOrder("mutualis.listing.submitted.v1",
				"mutualis.listing.rejected.v1", "mutualis.listing.published.v1", "mutualis.listing.updated.v1",
				"mutualis.listing.suspended.v1", "mutualis.listing.reinstated.v1", "mutualis.listing.archived.v1");
		byType.forEach((type, record) -> {
			assertThat(EventContracts.violations(record.value())).as(type).isEmpty();
			assertThat(record.key()).isEqualTo(id);
			assertThat(this.json.readTree(record.value()).get("source").asString()).isEqualTo("/mutualis/listings");
		});
		JsonNode facts = this.json.readTree(byType.get("mutualis.listing.published.v1").value()).get("data").get("listing");
		assertThat(facts.get("capacity").asInt()).isEqualTo(80);
		assertThat(facts.get("prerequisites").get(0).get("fr").asString()).isEqualTo("Laisser la salle propre");
		assertThat(facts.get("bookingPolicy").get("cancellationNoticeHours").asInt()).isEqualTo(24);
		assertThat(order).containsSubsequence("mutualis.listing.submitted.v1", "mutualis.listing.rejected.v1",
				"mutualis.listing.published.v1", "mutualis.listing.updated.v1", "mutualis.listing.suspended.v1",
				"mutualis.listing.reinstated.v1", "mutualis.listing.archived.v1");
		assertThat(this.mongo.getCollection("listings").find(new org.bson.Document("_id", id)).first().getList("outbox",
				Object.class)).isEmpty();
	}

	private KafkaConsumer<String, String> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
	}

}
