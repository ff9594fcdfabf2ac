package org.mutualis.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Archives are written in the background of a running service, never at its exit, and used once current. */
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
	void aRunningServiceWritesItsArchiveWhichTheNextStartMaps() throws Exception {
		Path jar = Files.writeString(this.data.resolve("service.jar"), "stands for a service's jar");
		List<String> lines = new ArrayList<>();
		ClassDataSharing archives = new ClassDataSharing(this.data, List.of("-Xmx64m"), lines::add);
		List<String> first = archives.options(Part.WEB, List.of(jar));
		assertThat(first).containsExactly("-XX:+RecordDynamicDumpInfo");

		// any JVM that keeps running will do: the JDK's own small web server
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(first);
		command.addAll(List.of("-m", "jdk.httpserver", "-b", "127.0.0.1", "-p", "0", "-d", this.data.toString()));
		this.service = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.data.resolve("service.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(this.data.resolve("service.log")).contains("Serving"));

		archives.writeLater(Part.WEB, this.service.pid(), () -> false);
		await().atMost(Duration.ofSeconds(90)).until(() -> lines.stream().anyMatch((line) -> line.startsWith("web: ")));
		assertThat(lines).singleElement().asString().contains("AppCDS archive written in the background");
		assertThat(this.service.isAlive()).as("writing did not stop the service").isTrue();
		assertThat(archives.archive(Part.WEB)).isNotEmptyFile();

		assertThat(archives.options(Part.WEB, List.of(jar)))
			.containsExactly("-XX:SharedArchiveFile=" + archives.archive(Part.WEB));

		Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
		assertThat(archives.options(Part.WEB, List.of(jar))).as("a rebuilt jar makes the archive outdated")
			.containsExactly("-XX:+RecordDynamicDumpInfo");
	}

	@Test
	void nothingIsWrittenForAServiceWhoseArchiveIsCurrentOrWhenTheStackStops() throws Exception {
		Path jar = Files.writeString(this.data.resolve("service.jar"), "jar");
		List<String> lines = new ArrayList<>();
		ClassDataSharing archives = new ClassDataSharing(this.data, List.of(), lines::add);
		archives.writeLater(Part.BOOKING, ProcessHandle.current().pid(), () -> false);
		archives.options(Part.LISTINGS, List.of(jar));
		archives.writeLater(Part.LISTINGS, ProcessHandle.current().pid(), () -> true);
		Thread.sleep(500);
		assertThat(lines).isEmpty();
		assertThat(this.data.resolve("cds")).doesNotExist();
	}

}
