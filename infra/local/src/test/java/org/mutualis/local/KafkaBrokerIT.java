package org.mutualis.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerIT {

	private static final String TOPIC = "mutualis.local-it.v1";

	@TempDir
	Path data;

	private LocalStack stack;

	@AfterEach
	void stop() {
		if (this.stack != null) {
			this.stack.stop();
		}
	}

	@Test
	void acknowledgedMessagesSurviveARestartOfTheBroker() throws Exception {
		this.stack = LocalStack.builder()
			.dataDirectory(this.data)
			.portOffset(FreePorts.offsetFor(Part.KAFKA))
			.parts(Part.KAFKA)
			.build();
		this.stack.start();
		String bootstrap = this.stack.url(Part.KAFKA);
		NetworkAddresses.nonLoopback().ifPresent((outside) -> {
			assertThat(Probes.connects(outside, this.stack.port(Part.KAFKA))).isFalse();
			assertThat(Probes.connects(outside, this.stack.port(Part.KAFKA) + Part.KAFKA_CONTROLLER_DELTA)).isFalse();
		});
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
			for (int i = 0; i < 100; i++) {
				producer.send(new ProducerRecord<>(TOPIC, "booking-" + (i % 7), "event-" + i)).get();
			}
		}

		this.stack.stop(Part.KAFKA);
		assertThat(this.stack.isRunning(Part.KAFKA)).isFalse();
		this.stack.start(Part.KAFKA);

		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "local-it",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (values.size() < 100 && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
		}
		assertThat(values).hasSize(100).contains("event-0", "event-99");
		assertThat(this.data.resolve("kafka/meta.properties")).isRegularFile();
	}

}
