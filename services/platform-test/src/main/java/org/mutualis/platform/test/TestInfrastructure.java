package org.mutualis.platform.test;

import java.util.Locale;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka and MongoDB for the tests of one JVM, started once and shared: Testcontainers ({@code apache/kafka},
 * {@code mongo} as a single-node replica set) when a Docker engine answers, otherwise a real in-process KRaft
 * broker and an in-memory mongo-java-server. {@code -Dmutualis.infra=embedded|containers} forces a mode.
 * Tests ask for endpoints and never learn which mode they got.
 */
public final class TestInfrastructure {

	/** System property that forces the mode: {@code embedded}, {@code containers} or {@code auto} (the default). */
	public static final String MODE_PROPERTY = "mutualis.infra";

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static volatile TestInfrastructure instance;

	private final Mode mode;

	private final String kafkaBootstrapServers;

	private final String mongoConnectionString;

	private TestInfrastructure(Mode mode, String kafkaBootstrapServers, String mongoConnectionString) {
		this.mode = mode;
		this.kafkaBootstrapServers = kafkaBootstrapServers;
		this.mongoConnectionString = mongoConnectionString;
	}

	/**
	 * Starts the infrastructure on first use and returns it.
	 * @return the running infrastructure of this JVM
	 */
	public static TestInfrastructure get() {
		TestInfrastructure current = instance;
		if (current == null) {
			synchronized (TestInfrastructure.class) {
				current = instance;
				if (current == null) {
					current = start(chooseMode());
					instance = current;
				}
			}
		}
		return current;
	}

	/** @return the mode in use */
	public Mode mode() {
		return this.mode;
	}

	/** @return Kafka bootstrap servers, {@code host:port[,host:port]} */
	public String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers;
	}

	/** @return MongoDB connection string without a database name */
	public String mongoConnectionString() {
		return this.mongoConnectionString;
	}

	/**
	 * Connection string to a database that no other test context uses.
	 * @param prefix readable prefix of the database name
	 * @return the connection string with a fresh database name
	 */
	public String freshMongoDatabaseUri(String prefix) {
		String database = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		String base = this.mongoConnectionString;
		int query = base.indexOf('?');
		String options = (query >= 0) ? base.substring(query) : "";
		String withoutOptions = (query >= 0) ? base.substring(0, query) : base;
		if (withoutOptions.endsWith("/")) {
			withoutOptions = withoutOptions.substring(0, withoutOptions.length() - 1);
		}
		else if (withoutOptions.indexOf('/', "mongodb://".length()) > 0) {
			withoutOptions = withoutOptions.substring(0, withoutOptions.indexOf('/', "mongodb://".length()));
		}
		return withoutOptions + "/" + database + options;
	}

	/**
	 * The argument that names, for a service, the database of a {@link #freshMongoDatabaseUri(String) fresh URI}: the
	 * platform names the database with {@code spring.mongodb.database} (the application's name by default) and leaves
	 * the URI's path to MongoDB (there it is the authentication database), so a URI alone does not choose it.
	 * @param uri a connection string with a database path
	 * @return {@code --spring.mongodb.database=<its database>}
	 */
	public static String databaseArgument(String uri) {
		return "--spring.mongodb.database=" + new com.mongodb.ConnectionString(uri).getDatabase();
	}

	private static Mode chooseMode() {
		String forced = System.getProperty(MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
		return switch (forced) {
			case "embedded" -> Mode.EMBEDDED;
			case "containers" -> Mode.CONTAINERS;
			case "auto" -> dockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
			default -> throw new IllegalStateException(
					MODE_PROPERTY + " must be embedded, containers or auto, not '" + forced + "'");
		};
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static TestInfrastructure start(Mode mode) {
		long started = System.nanoTime();
		TestInfrastructure infrastructure = (mode == Mode.CONTAINERS) ? startContainers() : startEmbedded();
		log.info("test infrastructure ({}) ready in {} ms: kafka={} mongo={}", mode,
				(System.nanoTime() - started) / 1_000_000, infrastructure.kafkaBootstrapServers,
				infrastructure.mongoConnectionString);
		return infrastructure;
	}

	private static TestInfrastructure startContainers() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
		MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
		kafka.start();
		mongo.start();
		// containers are reaped by Testcontainers' Ryuk when the JVM ends
		return new TestInfrastructure(Mode.CONTAINERS, kafka.getBootstrapServers(), mongo.getReplicaSetUrl());
	}

	private static TestInfrastructure startEmbedded() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
		kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
		kafka.brokerProperty("transaction.state.log.replication.factor", "1");
		kafka.brokerProperty("transaction.state.log.min.isr", "1");
		kafka.afterPropertiesSet();
		MongoServer mongo = new MongoServer(new HelloAnsweringMemoryBackend());
		String mongoUri = mongo.bindAndGetConnectionString();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mongo.shutdownNow();
			kafka.destroy();
		}, "test-infrastructure-stop"));
		return new TestInfrastructure(Mode.EMBEDDED, kafka.getBrokersAsString(), mongoUri);
	}

	/**
	 * The in-memory backend, answering {@code hello} (sent by Spring Boot's MongoDB health indicator) as
	 * {@code isMaster}, which is all mongo-java-server 1.47 knows.
	 */
	static final class HelloAnsweringMemoryBackend extends MemoryBackend {

		@Override
		public de.bwaldvogel.mongo.bson.Document handleCommand(io.netty.channel.Channel channel, String databaseName,
				String command, de.bwaldvogel.mongo.bson.Document query) {
			if ("hello".equalsIgnoreCase(command)) {
				de.bwaldvogel.mongo.bson.Document response = super.handleCommand(channel, databaseName, "isMaster", query);
				response.putIfAbsent("isWritablePrimary", Boolean.TRUE);
				return response;
			}
			return super.handleCommand(channel, databaseName, command, query);
		}

	}

	/** Where the infrastructure comes from. */
	public enum Mode {

		/** Real Kafka and MongoDB in Docker containers. */
		CONTAINERS,
		/** An in-process KRaft broker and an in-memory mongo-java-server. */
		EMBEDDED

	}

}
