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
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.ReportOutcome;
import org.mutualis.listings.report.ReportReason;
import org.mutualis.listings.report.application.ReportHandling;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ListingEventsContractTest extends ApiTestSupport {

	@Autowired
	private ReportHandling reports;

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

	@Test
	void reportsAndTheirResolutionsArePublishedUnderTheirContracts() {
		Listing listing = publishedOfA();
		Report report = this.reports.report(actor(TestActors.MEMBER_B), listing.id(), ReportReason.UNAVAILABLE,
				"Fermée pour travaux");
		this.reports.resolve(actor(TestActors.ADMIN), report.id(), ReportOutcome.ACTION_TAKEN, "Suspendue");

		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(Topics.LISTINGS));
			await().atMost(Duration.ofSeconds(45)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
					if (report.id().equals(record.key())) {
						received.add(record);
					}
				}
				return received.size() >= 2;
			});
		}
		assertThat(received).extracting((record) -> this.json.readTree(record.value()).get("type").asString())
			.containsExactly("mutualis.listing.reported.v1", "mutualis.listing.report-resolved.v1");
		received.forEach((record) -> assertThat(EventContracts.violations(record.value())).as(record.value()).isEmpty());
		JsonNode reported = this.json.readTree(received.get(0).value()).get("data");
		assertThat(reported.get("reportId").asString()).isEqualTo(report.id());
		assertThat(reported.get("listingId").asString()).isEqualTo(listing.id());
		assertThat(reported.get("listingTitle").get("fr").asString()).isEqualTo(listing.details().title().fr());
		assertThat(reported.get("ownerOrganisationId").asString()).isEqualTo(TestActors.ORG_A);
		assertThat(reported.get("reporterOrganisationId").asString()).isEqualTo(TestActors.ORG_B);
		assertThat(reported.get("reporterId").asString()).isEqualTo(TestActors.MEMBER_B.personId());
		assertThat(reported.get("reason").asString()).isEqualTo("UNAVAILABLE");
		assertThat(reported.get("details").asString()).isEqualTo("Fermée pour travaux");
		JsonNode resolved = this.json.readTree(received.get(1).value()).get("data");
		assertThat(resolved.get("outcome").asString()).isEqualTo("ACTION_TAKEN");
		assertThat(resolved.get("note").asString()).isEqualTo("Suspendue");
		assertThat(resolved.get("resolvedBy").asString()).isEqualTo(TestActors.ADMIN.personId());
		assertThat(resolved.get("ownerOrganisationId").asString()).isEqualTo(TestActors.ORG_A);
		assertThat(this.mongo.getCollection("reports").find(new org.bson.Document("_id", report.id())).first()
			.getList("outbox", Object.class)).isEmpty();
	}

	private KafkaConsumer<String, String> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
	}

}
