package org.mutualis.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutualis.local.LocalStack;
import org.mutualis.local.Part;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes down while people keep working: identity still accepts a registration (the state change and
 * its event are one database write), and once Kafka is back the event reaches listings. Runs its own small stack
 * whose Kafka the launcher owns, so that it can be stopped and started again.
 */
class BrokerOutageIT {

	private static LocalStack stack;

	@BeforeAll
	static void startStack() throws Exception {
		Path data = Files.createTempDirectory("mutualis-outage-");
		stack = LocalStack.builder()
			.repository(Path.of(System.getProperty("mutualis.repository", "../..")).toAbsolutePath().normalize())
			.dataDirectory(data)
			.portOffset(2000)
			.parts(Part.KAFKA, Part.STORE, Part.IDENTITY, Part.LISTINGS)
			.demoData(false)
			.jvmOptions(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m"))
			.startTimeout(Duration.ofMinutes(3))
			.progress((line) -> System.out.println("[outage] " + line))
			.build();
		stack.start();
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.stop();
		}
	}

	@Test
	void anEventWrittenWhileKafkaIsDownIsDeliveredWhenItIsBack() throws Exception {
		stack.stop(Part.KAFKA);
		assertThat(stack.isRunning(Part.KAFKA)).isFalse();

		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Api identity = new Api(stack.url(Part.IDENTITY), null);
		Api.Response registered = identity.post("/api/identity/organisations", """
				{"name":"Épicerie solidaire %s","legalForm":"NON_PROFIT","sector":"Alimentation",
				 "mrc":"Haut-Saint-Laurent","municipality":"Ormstown","contactEmail":"info-%s@epicerie.test",
				 "preferredLanguage":"fr","manager":{"email":"gestion-%s@epicerie.test","displayName":"Gestion Épicerie",
				 "password":"Epicerie-%s-Solidaire"}}
				""".formatted(suffix, suffix, suffix, suffix));
		assertThat(registered.status()).as("identity keeps working without the broker: " + registered.body())
			.isEqualTo(202);

		String store = "mongodb://localhost:" + stack.port(Part.STORE);
		try (MongoClient mongo = MongoClients.create(store)) {
			Document pending = mongo.getDatabase("identity").getCollection("organisations")
				.find(Filters.eq("profile.name", "Épicerie solidaire " + suffix)).first();
			assertThat(pending).as("the organisation and its event are stored").isNotNull();
			String organisation = pending.getString("_id");
			assertThat(pending.getList("outbox", Document.class)).as("the event waits in the outbox").isNotEmpty();

			stack.start(Part.KAFKA);

			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> mongo
				.getDatabase("listings").getCollection("organisations").find(Filters.eq("_id", organisation)).first() != null);
			Document known = mongo.getDatabase("listings").getCollection("organisations")
				.find(Filters.eq("_id", organisation)).first();
			assertThat(known.getString("status")).isEqualTo("REGISTERED");
			await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getDatabase("identity").getCollection("organisations")
				.find(Filters.eq("_id", organisation)).first().getList("outbox", Document.class).isEmpty());
		}
	}

}
