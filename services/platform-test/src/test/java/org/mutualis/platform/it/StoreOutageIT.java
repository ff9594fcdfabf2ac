package org.mutualis.platform.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.it.producer.NotesService;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store that stops answering costs a bounded wait: requests get {@code 503 store-unavailable} within seconds,
 * readiness goes DOWN, and the service recovers by itself when the store answers again.
 */
@SpringBootTest(classes = NotesService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=notes", "spring.config.import=classpath:mutualis-defaults.yml",
				"mutualis.events.source=/mutualis/notes", "mutualis.events.outbox-collections=notes",
				"mutualis.security.public-paths=/api/notes" })
class StoreOutageIT {

	private static final FreezableProxy store = proxyToTestStore();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
		registry.add("spring.mongodb.uri",
				() -> "mongodb://127.0.0.1:" + store.port() + "/notes-outage?directConnection=true");
	}

	@AfterAll
	static void closeProxy() throws Exception {
		store.close();
	}

	@Test
	void frozenStoreGivesA503QuicklyAndReadinessDownThenRecovers() throws Exception {
		assertThat(write().statusCode()).isEqualTo(201);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		store.freeze();
		long started = System.nanoTime();
		HttpResponse<String> refused = write();
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("urn:mutualis:problem:store-unavailable");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(waited).isLessThan(Duration.ofSeconds(8));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503));

		store.thaw();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(write().statusCode()).isEqualTo(201);
			assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		});
	}

	private HttpResponse<String> write() throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/notes"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static FreezableProxy proxyToTestStore() {
		URI target = URI.create(TestInfrastructure.get().mongoConnectionString().split(",")[0].split("\\?")[0]);
		try {
			return new FreezableProxy(target.getHost(), target.getPort());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
