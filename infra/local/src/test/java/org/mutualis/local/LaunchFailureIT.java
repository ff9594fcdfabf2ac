package org.mutualis.local;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LaunchFailureIT {

	@TempDir
	Path data;

	@Test
	void aTakenPortFailsThePartThatNeedsIt() throws Exception {
		int offset = FreePorts.offsetFor(Part.STORE);
		try (ServerSocket squatter = new ServerSocket()) {
			squatter.bind(new InetSocketAddress(Part.STORE.basePort() + offset));
			LocalStack stack = LocalStack.builder().dataDirectory(this.data).portOffset(offset).parts(Part.STORE).build();
			assertThatExceptionOfType(LaunchException.class).isThrownBy(stack::start)
				.satisfies((ex) -> assertThat(ex.part()).isEqualTo(Part.STORE))
				.withMessageStartingWith("store failed to start")
				.withMessageContaining("port " + (Part.STORE.basePort() + offset) + " is already in use");
			assertThat(stack.isRunning(Part.STORE)).isFalse();
		}
	}

	@Test
	void aServiceThatDiesShowsTheEndOfItsLogAndStopsWhatWasStarted() throws Exception {
		Path notAJar = Files.writeString(this.data.resolve("broken-exec.jar"), "not a jar");
		int offset = FreePorts.offsetFor(Part.STORE, Part.BOOKING);
		LocalStack stack = LocalStack.builder()
			.dataDirectory(this.data)
			.portOffset(offset)
			.parts(Part.STORE, Part.BOOKING)
			.externalKafka("localhost:1")
			.jarLocator((service) -> notAJar)
			.startTimeout(Duration.ofSeconds(30))
			.build();
		assertThatExceptionOfType(LaunchException.class).isThrownBy(stack::start)
			.satisfies((ex) -> assertThat(ex.part()).isEqualTo(Part.BOOKING))
			.satisfies((ex) -> assertThat(String.join("\n", ex.logTail())).contains("broken-exec.jar"))
			.withMessageContaining("exited with code");
		assertThat(stack.isRunning(Part.STORE)).isFalse();
		assertThat(Probes.portFree(Part.STORE.basePort() + offset)).isTrue();
	}

	@Test
	void aMissingJarIsNamed() {
		LocalStack stack = LocalStack.builder()
			.dataDirectory(this.data)
			.portOffset(FreePorts.offsetFor(Part.WEB))
			.parts(Part.WEB)
			.externalKafka("localhost:1")
			.externalMongo("mongodb://localhost:1")
			.jarLocator((service) -> this.data.resolve("nowhere.jar"))
			.build();
		assertThatExceptionOfType(LaunchException.class).isThrownBy(stack::start)
			.satisfies((ex) -> assertThat(ex.part()).isEqualTo(Part.WEB))
			.withMessageContaining("nowhere.jar does not exist");
	}

}
