package org.mutualis.listings.listing.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.listing.Listing;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay publishes an event as soon as its write commits, not at its next poll (set to 10 s here): the time
 * measured is from the save to the event read back from Kafka.
 */
@TestPropertySource(properties = "mutualis.events.relay-interval=10s")
class OutboxWakeUpTest extends ApiTestSupport {

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@Test
	void anEventSavedIsPublishedWellBeforeTheNextPoll() {
		try (KafkaConsumer<String, String> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.LISTINGS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			for (int round = 0; round < 3; round++) {
				Listing draft = draftOfA();
				long saved = System.nanoTime();
				this.management.submit(actor(TestActors.MANAGER_A), draft.id(), null);
				Duration published = null;
				long deadline = saved + Duration.ofSeconds(5).toNanos();
				while (published == null && System.nanoTime() < deadline) {
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
						if (draft.id().equals(record.key()) && published == null) {
							published = Duration.ofNanos(System.nanoTime() - saved);
						}
					}
				}
				assertThat(published).as("round %d: published at all within 5 s", round).isNotNull();
				System.out.printf("outbox wake-up: round %d published %d ms after the save%n", round, published.toMillis());
				// the first event also creates the Kafka producer (metadata, idempotence handshake)
				assertThat(published).as("round %d", round)
					.isLessThan((round == 0) ? Duration.ofSeconds(1) : Duration.ofMillis(300));
			}
		}
	}

	private KafkaConsumer<String, String> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "wake-up-test-" + UUID.randomUUID());
		return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
	}

}
