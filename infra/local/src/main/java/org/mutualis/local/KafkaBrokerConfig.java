package org.mutualis.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration of the single-node KRaft broker: broker and controller in one process, every replication
 * factor and minimum ISR at 1, data in {@code <data>/kafka}.
 */
final class KafkaBrokerConfig {

	private final Path dataDirectory;

	private final int brokerPort;

	private final int controllerPort;

	KafkaBrokerConfig(Path dataDirectory, int brokerPort, int controllerPort) {
		this.dataDirectory = dataDirectory;
		this.brokerPort = brokerPort;
		this.controllerPort = controllerPort;
	}

	/** @return the broker's log directory */
	Path logDirectory() {
		return this.dataDirectory.resolve("kafka");
	}

	/** @return whether the log directory has been formatted by {@code StorageTool} */
	boolean formatted() {
		return Files.exists(logDirectory().resolve("meta.properties"));
	}

	/** @return where {@link #write()} puts the server properties */
	Path propertiesFile() {
		return this.dataDirectory.resolve("conf").resolve("kafka.properties");
	}

	/**
	 * Writes the server properties, rewritten at each start so a new port offset takes effect.
	 * @return the file written
	 * @throws IOException if it cannot be written
	 */
	Path write() throws IOException {
		Files.createDirectories(propertiesFile().getParent());
		Files.createDirectories(logDirectory());
		Files.writeString(propertiesFile(), properties());
		return propertiesFile();
	}

	String properties() {
		String logDirs = logDirectory().toAbsolutePath().toString().replace("\\", "/");
		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://localhost:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				log.dirs=%3$s
				num.partitions=1
				default.replication.factor=1
				min.insync.replicas=1
				offsets.topic.replication.factor=1
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=true
				""".formatted(this.brokerPort, this.controllerPort, logDirs);
	}

}
