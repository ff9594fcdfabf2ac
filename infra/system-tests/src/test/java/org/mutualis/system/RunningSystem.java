package org.mutualis.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.mutualis.local.JarLocator;
import org.mutualis.local.LocalStack;
import org.mutualis.local.Part;
import org.mutualis.platform.test.TestInfrastructure;

/**
 * The whole system for the tests of this JVM, started once: every service and the gateway as child processes of
 * their executable jars, with demo data, on the shared test Kafka and MongoDB of {@link TestInfrastructure}. The
 * jars run from copies ({@link JarCopies}, in the data directory), so that a module rebuilt during the run does not
 * break it.
 * Ports are offset so that a stack a developer runs by hand is never disturbed; {@code -Dmutualis.system.port-offset}
 * moves them, so that two builds on one machine do not collide.
 */
final class RunningSystem {

	static final int PORT_OFFSET = Integer.getInteger("mutualis.system.port-offset", 1000);

	private static volatile RunningSystem instance;

	private static Path dataDirectory;

	private static JarLocator jars;

	private final LocalStack stack;

	private final Path data;

	private RunningSystem(LocalStack stack, Path data) {
		this.stack = stack;
		this.data = data;
	}

	static RunningSystem get() {
		RunningSystem current = instance;
		if (current == null) {
			synchronized (RunningSystem.class) {
				current = instance;
				if (current == null) {
					current = start();
					instance = current;
				}
			}
		}
		return current;
	}

	String gateway() {
		return this.stack.url(Part.GATEWAY);
	}

	LocalStack stack() {
		return this.stack;
	}

	Path mailFolder() {
		return this.data.resolve("mail");
	}

	private static RunningSystem start() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		Path data = dataDirectory();
		Path repository = Path.of(System.getProperty("mutualis.repository", "../..")).toAbsolutePath().normalize();
		LocalStack stack = LocalStack.builder()
			.repository(repository)
			.jarLocator(jarCopies(repository, data))
			.dataDirectory(data)
			.portOffset(PORT_OFFSET)
			.externalKafka(infrastructure.kafkaBootstrapServers())
			.externalMongo(infrastructure.mongoConnectionString())
			.demoData(true)
			.jvmOptions(jvmOptions())
			.startTimeout(Duration.ofMinutes(3))
			.progress((line) -> System.out.println("[system] " + line))
			.build();
		stack.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stack.stop();
			JarCopies.delete(data.resolve("jars"));
		}, "system-stop"));
		return new RunningSystem(stack, data);
	}

	/**
	 * One data directory for every start of this JVM: when a start fails (a part too slow on a loaded machine), the
	 * next test class starts again on the same shared store, whose identity signing keys are sealed with the
	 * key-encryption key the launcher keeps in this directory; a new directory would hold another key and identity
	 * would refuse to start.
	 */
	private static synchronized Path dataDirectory() {
		if (dataDirectory == null) {
			try {
				dataDirectory = Files.createTempDirectory("mutualis-system-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return dataDirectory;
	}

	/** The copies are taken once per JVM: a start again after a failed one runs the same jars. */
	private static synchronized JarLocator jarCopies(Path repository, Path data) {
		if (jars == null) {
			jars = JarCopies.copy(repository, data.resolve("jars"), Part.services());
		}
		return jars;
	}

	private static List<String> jvmOptions() {
		return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m",
				"-XX:+ExitOnOutOfMemoryError",
				// the journeys sign in many times from one address; the limits have their own tests in the gateway
				"-Dmutualis.gateway.rate-limit.enabled=false");
	}

}
