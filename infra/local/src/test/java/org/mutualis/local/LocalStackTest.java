package org.mutualis.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalStackTest {

	@TempDir
	Path data;

	@Test
	void servicesRunFromTheirExecutableJarWithTheSmallMachineOptions() {
		LocalStack stack = LocalStack.builder()
			.dataDirectory(this.data)
			.repository(Path.of("/repo"))
			.jvmOptions(List.of("-Xmx256m", "-XX:SharedArchiveFile={data}/cds/{part}.jsa"))
			.build();
		List<String> command = stack.command(Part.BOOKING);
		assertThat(command.get(0)).endsWith("java");
		assertThat(command).containsSubsequence("-Xmx256m", "-XX:SharedArchiveFile=" + this.data + "/cds/booking.jsa",
				"-cp", "/repo/services/booking/target/booking-exec.jar:" + this.data.resolve("conf/parent-watch.jar"),
				ParentWatch.class.getName(), PartCommands.BOOT_JAR_LAUNCHER, "--server.port=8082");
		assertThat(stack.command(Part.GATEWAY)).contains(
				"/repo/gateway/target/gateway-exec.jar:" + this.data.resolve("conf/parent-watch.jar"));
	}

	@Test
	void extraArgumentsComeLastSoTheyWinAndCanBeRemoved() {
		LocalStack stack = LocalStack.builder().dataDirectory(this.data).repository(Path.of("/repo")).build();
		stack.extraArguments(Part.BOOKING, List.of("--mutualis.clock.offset=PT3H"));

		List<String> command = stack.command(Part.BOOKING);
		assertThat(command.get(command.size() - 1)).isEqualTo("--mutualis.clock.offset=PT3H");
		assertThat(stack.command(Part.LISTINGS)).doesNotContain("--mutualis.clock.offset=PT3H");

		stack.extraArguments(Part.BOOKING, List.of());
		assertThat(stack.command(Part.BOOKING)).doesNotContain("--mutualis.clock.offset=PT3H");
		assertThatIllegalArgumentException().isThrownBy(() -> stack.extraArguments(Part.KAFKA, List.of("--x=y")));
	}

	@Test
	void everyPartWatchesTheJvmThatStartedIt() {
		LocalStack stack = LocalStack.builder().dataDirectory(this.data).childClasspath(List.of("/a.jar")).build();
		String launcher = "-D" + ParentWatch.LAUNCHER_PID + "=" + ProcessHandle.current().pid();
		for (Part part : Part.values()) {
			assertThat(stack.command(part)).as(part.partName())
				.containsSubsequence(launcher, "-Dmutualis.part=" + part.partName(), ParentWatch.class.getName());
		}
	}

	@Test
	void theThroughputProfileGivesEveryPartTheFullJitAndLargerHeaps() {
		LocalStack small = LocalStack.builder().dataDirectory(this.data).childClasspath(List.of("/a.jar")).build();
		LocalStack throughput = LocalStack.builder()
			.dataDirectory(this.data)
			.childClasspath(List.of("/a.jar"))
			.throughput(true)
			.build();
		for (Part part : Part.values()) {
			assertThat(small.command(part)).as(part.partName()).contains("-XX:TieredStopAtLevel=1");
			assertThat(throughput.command(part)).as(part.partName())
				.doesNotContain("-XX:TieredStopAtLevel=1")
				.contains((part == Part.STORE) ? "-XX:+UseG1GC" : "-XX:+UseParallelGC")
				.anyMatch((option) -> option.equals("-Xmx1g"));
		}
		// the store's collector reclaims H2's old pages in short pauses, not in one stop of the whole store
		assertThat(throughput.command(Part.STORE)).contains("-XX:G1HeapRegionSize=32m").doesNotContain("-XX:+UseParallelGC");
	}

	@Test
	void servicesPreparedTogetherShareOneWatchJarWrittenOnce() throws Exception {
		PartCommands commands = new PartCommands(this.data, List.of(), (service) -> Path.of("/x.jar"), List.of(), true,
				new PartArguments(0, "localhost:9092", "mongodb://localhost:27017", this.data, true), (line) -> {
				});
		Concurrently.forEach(Part.services(), (part) -> {
			try {
				commands.prepare(part);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		Path jar = this.data.resolve("conf/parent-watch.jar");
		assertThat(jar).hasBinaryContent(PartCommands.parentWatchJarContent());
		FileTime written = Files.getLastModifiedTime(jar);
		Files.setLastModifiedTime(jar, FileTime.fromMillis(written.toMillis() - 60_000));
		commands.prepare(Part.WEB);
		assertThat(Files.getLastModifiedTime(jar).toMillis()).as("unchanged content is not rewritten")
			.isEqualTo(written.toMillis() - 60_000);
		try (Stream<Path> files = Files.list(jar.getParent())) {
			assertThat(files.map((file) -> file.getFileName().toString())).noneMatch((name) -> name.endsWith(".next"));
		}
	}

	@Test
	void theWatchJarIsRewrittenOnlyWhenItsContentChanges() throws Exception {
		assertThat(PartCommands.parentWatchJarContent()).isEqualTo(PartCommands.parentWatchJarContent());
		try (JarInputStream jar = new JarInputStream(
				new ByteArrayInputStream(PartCommands.parentWatchJarContent()))) {
			assertThat(jar.getNextJarEntry().getName()).isEqualTo("org/mutualis/local/ParentWatch.class");
		}
	}

	@Test
	void kafkaAndTheStoreRunFromThisModulesClassPath() {
		LocalStack stack = LocalStack.builder()
			.dataDirectory(this.data)
			.childClasspath(List.of("/a.jar", "/b.jar"))
			.portOffset(7)
			.build();
		assertThat(stack.command(Part.KAFKA)).containsSubsequence("-Xmx512m", "-cp", "/a.jar:/b.jar",
				ParentWatch.class.getName(), KafkaBroker.class.getName(), "--format", this.data.resolve("conf/kafka.properties").toString());
		assertThat(stack.command(Part.STORE)).containsSubsequence("-cp", "/a.jar:/b.jar",
				ParentWatch.class.getName(), DocumentStore.class.getName(), "27024", this.data.resolve("mongo/mutualis.mv").toString());
	}

	@Test
	void aServiceWithoutACurrentArchiveWritesItAtExitNeverIntoTheRunningJvm() {
		LocalStack stack = LocalStack.builder().dataDirectory(this.data).classDataSharing(true).build();
		assertThat(stack.command(Part.WEB))
			.containsSubsequence("-XX:ArchiveClassesAtExit=" + this.data.resolve("cds/web.jsa"), "-cp")
			.noneMatch((arg) -> arg.contains("SharedArchiveFile") || arg.contains("RecordDynamicDumpInfo"));
		assertThat(stack.command(Part.KAFKA)).noneMatch((arg) -> arg.contains("SharedArchive") || arg.contains("Archive"));
		assertThat(LocalStack.builder().dataDirectory(this.data).build().command(Part.WEB))
			.noneMatch((arg) -> arg.contains("SharedArchive") || arg.contains("Archive"));
	}

	@Test
	void kafkaIsFormattedOnlyOnItsFirstStart() throws Exception {
		Files.createDirectories(this.data.resolve("kafka"));
		Files.writeString(this.data.resolve("kafka/meta.properties"), "node.id=1");
		LocalStack stack = LocalStack.builder().dataDirectory(this.data).build();
		assertThat(stack.command(Part.KAFKA)).doesNotContain("--format")
			.endsWith(this.data.resolve("conf/kafka.properties").toString());
	}

	@Test
	void urlsAndPortsFollowTheOffset() {
		LocalStack stack = LocalStack.builder().dataDirectory(this.data).portOffset(100).build();
		assertThat(stack.url(Part.GATEWAY)).isEqualTo("http://localhost:8180");
		assertThat(stack.url(Part.KAFKA)).isEqualTo("localhost:9192");
		assertThat(stack.url(Part.STORE)).isEqualTo("mongodb://localhost:27117");
		assertThat(stack.port(Part.IDENTITY)).isEqualTo(9100);
		assertThat(stack.logFile(Part.WEB)).isEqualTo(this.data.resolve("logs/web.log"));
		assertThat(stack.pidFile(Part.WEB)).isEqualTo(this.data.resolve("run/web.pid"));
	}

	@Test
	void furtherInstancesListenFurtherOnAndTheGatewayIsGivenEveryOne() {
		LocalStack stack = LocalStack.builder()
			.dataDirectory(this.data)
			.repository(Path.of("/repo"))
			.portOffset(100)
			.classDataSharing(true)
			.instances(Part.BOOKING, 2)
			.instances(Part.LISTINGS, 3)
			.build();
		assertThat(stack.instances(Part.BOOKING)).isEqualTo(2);
		assertThat(stack.instances(Part.WEB)).isEqualTo(1);
		assertThat(stack.port(Part.BOOKING, 2)).isEqualTo(8282);
		assertThat(stack.url(Part.LISTINGS, 3)).isEqualTo("http://localhost:8381");
		assertThat(stack.logFile(Part.BOOKING, 2)).isEqualTo(this.data.resolve("logs/booking-2.log"));
		assertThat(stack.command(Part.BOOKING, 2)).contains("-Dmutualis.part=booking-2", "--server.port=8282",
				"--server.address=127.0.0.1", "/repo/services/booking/target/booking-exec.jar:"
						+ this.data.resolve("conf/parent-watch.jar"))
			.as("one archive per part, written by its first instance only")
			.noneMatch((arg) -> arg.contains("Archive"));
		assertThat(stack.command(Part.BOOKING)).contains("-Dmutualis.part=booking", "--server.port=8182")
			.anyMatch((arg) -> arg.contains("Archive"));
		assertThat(stack.command(Part.GATEWAY)).contains(
				"--mutualis.gateway.services.booking=http://localhost:8182,http://localhost:8282",
				"--mutualis.gateway.services.listings=http://localhost:8181,http://localhost:8281,http://localhost:8381",
				"--mutualis.gateway.services.notifications=http://localhost:8183");
		assertThatIllegalArgumentException().isThrownBy(() -> stack.command(Part.BOOKING, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> stack.url(Part.WEB, 2));
	}

	@Test
	void onlyListingsBookingAndNotificationsRunSeveralInstances() {
		LocalStack.Builder builder = LocalStack.builder().dataDirectory(this.data);
		for (Part part : List.of(Part.KAFKA, Part.STORE, Part.IDENTITY, Part.WEB, Part.GATEWAY)) {
			assertThatIllegalArgumentException().isThrownBy(() -> builder.instances(part, 2)).as(part.partName());
		}
		assertThatIllegalArgumentException().isThrownBy(() -> builder.instances(Part.BOOKING, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.instances(Part.BOOKING, Instance.MAX_INSTANCES + 1));
		assertThat(builder.instances(Part.WEB, 1).instances(Part.NOTIFICATIONS, Instance.MAX_INSTANCES).build()
			.instances(Part.NOTIFICATIONS)).isEqualTo(Instance.MAX_INSTANCES);
	}

	@Test
	void externalInfrastructureIsUsedAsGiven() {
		LocalStack stack = LocalStack.builder()
			.dataDirectory(this.data)
			.externalKafka("broker:1234")
			.externalMongo("mongodb://db:5/x?replicaSet=rs0")
			.build();
		assertThat(stack.url(Part.KAFKA)).isEqualTo("broker:1234");
		assertThat(stack.command(Part.LISTINGS)).contains("--spring.kafka.bootstrap-servers=broker:1234",
				"--spring.mongodb.uri=mongodb://db:5/listings?replicaSet=rs0");
	}

	@Test
	void offsetsThatLeaveThePortRangeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalStack.builder().portOffset(40000));
		assertThatIllegalArgumentException().isThrownBy(() -> LocalStack.builder().portOffset(-1));
	}

	@Test
	void theLogTailIsTheLastLines() throws Exception {
		Path log = this.data.resolve("x.log");
		Files.writeString(log, "one\ntwo\nthree\nfour\n");
		assertThat(ChildProcess.tail(log, 2)).containsExactly("three", "four");
		assertThat(ChildProcess.tail(this.data.resolve("none.log"), 2)).isEmpty();
	}

	@Test
	void kafkaIsASingleNodeWithReplicationFactorsOfOne() {
		String properties = new KafkaBrokerConfig(this.data, 19092, 19093).properties();
		assertThat(properties).contains("process.roles=broker,controller", "controller.quorum.voters=1@127.0.0.1:19093",
				"listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
				"advertised.listeners=PLAINTEXT://localhost:19092", "offsets.topic.replication.factor=1",
				"transaction.state.log.min.isr=1", "group.initial.rebalance.delay.ms=0",
				"log.dirs=" + this.data.resolve("kafka"));
	}

}
