package org.mutualis.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stack whose launcher dies leaves nothing running, and {@code infra/local/stop} still ends what it finds. */
class OrphanedPartsIT {

	@TempDir
	Path data;

	private Process launcher;

	private LocalStack stack;

	@AfterEach
	void cleanUp() {
		if (this.launcher != null) {
			this.launcher.destroyForcibly();
		}
		if (this.stack != null) {
			this.stack.stop();
		}
	}

	@Test
	void partsEndByThemselvesWhenTheLauncherIsKilled() throws Exception {
		int offset = FreePorts.offsetFor(Part.STORE);
		Path out = this.data.resolve("launcher.out");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		this.launcher = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
				"--data", this.data.resolve("stack").toString(), "--port-offset", Integer.toString(offset), "--parts",
				"store", "--no-cds")
			.redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		Path pidFile = this.data.resolve("stack/run/store.pid");
		await().atMost(Duration.ofSeconds(60)).alias("the launcher prints that the store is ready")
			.until(() -> Files.readString(out).contains("Mutualis is ready") || !this.launcher.isAlive());
		assertThat(this.launcher.isAlive()).as(Files.readString(out)).isTrue();
		long store = Long.parseLong(Files.readString(pidFile).trim());
		assertThat(ProcessHandle.of(store)).get().matches(ProcessHandle::isAlive);

		this.launcher.destroyForcibly();
		assertThat(this.launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();

		long killed = System.nanoTime();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
			.until(() -> ProcessHandle.of(store).filter(ProcessHandle::isAlive).isEmpty());
		assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(10));
		assertThat(Probes.portFree(Part.STORE.basePort() + offset)).isTrue();
		assertThat(Files.readString(this.data.resolve("stack/logs/store.log"), StandardCharsets.UTF_8))
			.contains("the launcher (pid " + this.launcher.pid() + ") is gone", "store stopped");
	}

	@Test
	void stopEndsThePartsOfAStackWhoseLauncherIsGone() throws Exception {
		int offset = FreePorts.offsetFor(Part.STORE);
		// this JVM plays the launcher that died: it leaves no launcher.pid, only the parts' pid files
		this.stack = LocalStack.builder().dataDirectory(this.data).portOffset(offset).parts(Part.STORE).build();
		this.stack.start();
		long store = this.stack.pid(Part.STORE);
		assertThat(this.stack.pidFile(Part.STORE)).content().isEqualToIgnoringNewLines(Long.toString(store));

		Path script = Repository.find().resolve("infra/local/stop");
		Process stop = new ProcessBuilder(script.toString(), "--data", this.data.toString()).redirectErrorStream(true)
			.start();
		String output = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(stop.waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(stop.exitValue()).as(output).isZero();
		assertThat(output).contains("store (pid " + store + "): stopping", "its launcher was already gone");
		assertThat(ProcessHandle.of(store).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(this.stack.pidFile(Part.STORE)).doesNotExist();
		assertThat(this.data.resolve("logs/store.log")).content().contains("store stopped");
	}

	@Test
	void stopLeavesAloneAProcessThatIsNotAPartOfTheStack() throws Exception {
		Process stranger = new ProcessBuilder("sleep", "60").start();
		try {
			Files.createDirectories(this.data.resolve("run"));
			Files.writeString(this.data.resolve("run/store.pid"), stranger.pid() + "\n");
			Process stop = new ProcessBuilder(Repository.find().resolve("infra/local/stop").toString(), "--data",
					this.data.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(stop.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(output).contains("Mutualis is not running");
			assertThat(stranger.isAlive()).isTrue();
		}
		finally {
			stranger.destroyForcibly();
		}
	}

}
