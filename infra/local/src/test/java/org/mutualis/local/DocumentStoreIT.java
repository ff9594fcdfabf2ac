package org.mutualis.local;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DocumentStoreIT {

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
	void documentSurvivesARestartOfTheStore() {
		this.stack = LocalStack.builder()
			.dataDirectory(this.data)
			.portOffset(FreePorts.offsetFor(Part.STORE))
			.parts(Part.STORE)
			.build();
		this.stack.start();
		try (MongoClient client = MongoClients.create(this.stack.url(Part.STORE))) {
			client.getDatabase("booking").getCollection("bookings").insertOne(new Document("_id", "b-1").append("state", "CONFIRMED"));
		}
		long firstPid = this.stack.pid(Part.STORE);

		this.stack.stop(Part.STORE);
		assertThat(ProcessHandle.of(firstPid)).isEmpty();
		this.stack.start(Part.STORE);

		try (MongoClient client = MongoClients.create(this.stack.url(Part.STORE))) {
			Document found = client.getDatabase("booking").getCollection("bookings").find(new Document("_id", "b-1")).first();
			assertThat(found).isNotNull();
			assertThat(found.getString("state")).isEqualTo("CONFIRMED");
		}
		assertThat(this.data.resolve("mongo/mutualis.mv")).isRegularFile();
		assertThat(this.data.resolve("logs/store.log")).content().contains("closed");
	}

	@Test
	void answersTheHelloThatSpringBootsHealthCheckSends() {
		this.stack = LocalStack.builder()
			.dataDirectory(this.data)
			.portOffset(FreePorts.offsetFor(Part.STORE))
			.parts(Part.STORE)
			.build();
		this.stack.start();
		try (MongoClient client = MongoClients.create(this.stack.url(Part.STORE))) {
			Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
			assertThat(hello.get("ok")).isIn(1, 1.0);
			assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
		}
	}

	@Test
	void listensOnTheLoopbackAddressOnly() {
		String outside = NetworkAddresses.nonLoopback().orElse(null);
		assumeTrue(outside != null, "this machine has no non-loopback IPv4 address");
		this.stack = LocalStack.builder()
			.dataDirectory(this.data)
			.portOffset(FreePorts.offsetFor(Part.STORE))
			.parts(Part.STORE)
			.build();
		this.stack.start();
		assertThat(Probes.connects("127.0.0.1", this.stack.port(Part.STORE))).isTrue();
		assertThat(Probes.connects(outside, this.stack.port(Part.STORE))).isFalse();
	}

}
