package org.mutualis.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutualis.local.Part;
import org.mutualis.platform.test.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12's "done when": a request's trace id can be followed from the gateway's log to the notifications consumer's
 * log. The caller sends a W3C {@code traceparent} with a trace id of its own; the gateway continues that trace and
 * passes it on to identity, identity keeps it with the event in its outbox, the relay puts it into the Kafka record's
 * headers, and notifications continues it while it applies the event. Each part's log lines carry the trace id. Every
 * service and the gateway also answer a Prometheus scrape.
 */
class TraceIT {

	/**
	 * Sampled ({@code 01}) or not ({@code 00}): one trace in ten is recorded by default, but every request's trace id
	 * must be in the logs all the same.
	 * @param flags the caller's trace flags
	 */
	@ParameterizedTest
	@ValueSource(strings = { "01", "00" })
	void aRequestsTraceIdIsFollowedFromTheGatewayLogToTheNotificationsConsumerLog(String flags) throws Exception {
		RunningSystem system = RunningSystem.get();
		String traceId = randomHex(16);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String email = "gestion-" + suffix + "@trace.test";

		HttpResponse<String> registered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(system.gateway() + "/api/identity/organisations"))
				.header("Content-Type", "application/json")
				.header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-" + flags)
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"name":"Atelier tracé %s","legalForm":"COOPERATIVE","sector":"Réparation",
						 "mrc":"Roussillon","municipality":"Delson","contactEmail":"%s","preferredLanguage":"fr",
						 "manager":{"email":"%s","displayName":"Gestion Atelier","password":"Atelier-%s-Trace"}}
						""".formatted(suffix, email, email, suffix)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);

		assertThat(traceparentOfAnIdentityEventIn(traceId)).as("the relay put the request's trace into the headers")
			.startsWith("00-" + traceId + "-")
			.endsWith("-" + flags);
		Path notifications = system.stack().logFile(Part.NOTIFICATIONS);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(linesWith(notifications, traceId))
				.as("notifications applied the organisation's event in the request's trace")
				.anySatisfy((line) -> assertThat(line).contains("applied mutualis.organisation.registered.v1")));
		assertThat(linesWith(system.stack().logFile(Part.GATEWAY), traceId)).as("the gateway's log").isNotEmpty();
		assertThat(linesWith(system.stack().logFile(Part.IDENTITY), traceId)).as("identity's log").isNotEmpty();
	}

	@Test
	void theGatewayAndEveryServiceAnswerAPrometheusScrape() throws Exception {
		RunningSystem system = RunningSystem.get();
		HttpClient http = HttpClient.newHttpClient();
		for (Part part : List.of(Part.GATEWAY, Part.IDENTITY, Part.LISTINGS, Part.BOOKING, Part.NOTIFICATIONS)) {
			HttpResponse<String> scrape = http.send(
					HttpRequest.newBuilder(URI.create(system.stack().url(part) + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(scrape.statusCode()).as(part + ": " + scrape.body()).isEqualTo(200);
			assertThat(scrape.body()).as(part.partName()).contains("application=\"" + part.partName() + "\"");
			if (part != Part.GATEWAY) {
				assertThat(scrape.body()).as(part.partName() + ": Kafka consumer metrics (lag)")
					.contains("kafka_consumer_fetch_manager_records_lag");
			}
		}
		HttpResponse<String> identity = http.send(
				HttpRequest.newBuilder(URI.create(system.stack().url(Part.IDENTITY) + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(identity.body()).contains("mutualis_outbox_backlog_documents{").contains("collection=\"organisations\"");
	}

	private static String traceparentOfAnIdentityEventIn(String traceId) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"trace-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			reader.subscribe(List.of("mutualis.identity.v1"));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
					Header traceparent = record.headers().lastHeader("traceparent");
					if (traceparent != null) {
						String value = new String(traceparent.value(), StandardCharsets.UTF_8);
						if (value.contains(traceId)) {
							return value;
						}
					}
				}
			}
		}
		throw new AssertionError("no identity event carries the trace " + traceId);
	}

	private static List<String> linesWith(Path log, String traceId) {
		try {
			return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter((line) -> line.contains(traceId)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
