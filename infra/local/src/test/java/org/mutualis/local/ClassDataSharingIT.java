package org.mutualis.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With {@code --cds}, a service without a current archive writes it as it exits; the next start maps it. */
class ClassDataSharingIT {

	@TempDir
	Path data;

	private Process service;

	@AfterEach
	void stopService() {
		if (this.service != null) {
			this.service.destroyForcibly();
		}
	}

	@Test
	void aServiceWritesItsArchiveAtExitWhichTheNextStartMapsUntilItsJarChanges() throws Exception {
		Path jar = Files.writeString(this.data.resolve("service.jar"), "stands for a service's jar");
		ClassDataSharing archives = new ClassDataSharing(this.data, List.of("-Xmx64m"));
		List<String> first = archives.options(Part.WEB, List.of(jar));
		assertThat(first).containsExactly("-XX:ArchiveClassesAtExit=" + archives.archive(Part.WEB));

		// any JVM that keeps running will do: the JDK's own small web server, stopped as the launcher stops a part
		this.service = start(first);
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(this.data.resolve("service.log")).contains("Serving"));
		this.service.destroy();
		assertThat(this.service.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(archives.archive(Part.WEB)).isNotEmptyFile();

		List<String> second = archives.options(Part.WEB, List.of(jar));
		assertThat(second).containsExactly("-XX:SharedArchiveFile=" + archives.archive(Part.WEB));
		this.service = start(second);
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(this.data.resolve("service.log")).contains("Serving"));
		this.service.destroy();
		this.service.waitFor(1, TimeUnit.MINUTES);

		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
		assertThat(archives.options(Part.WEB, List.of(jar))).as("a rebuilt jar makes the archive outdated")
			.containsExactly("-XX:ArchiveClassesAtExit=" + archives.archive(Part.WEB));
	}

	private Process start(List<String> options) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(options);
		command.addAll(List.of("-m", "jdk.httpserver", "-b", "127.0.0.1", "-p", "0", "-d", this.data.toString()));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.data.resolve("service.log").toFile())
			.start();
	}

}
