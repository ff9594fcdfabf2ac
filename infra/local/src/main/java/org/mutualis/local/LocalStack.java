package org.mutualis.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The local stack: Kafka, the MongoDB-compatible store and the services, each in its own child JVM with its log in
 * {@code <data>/logs/<part>.log}. {@link #start()} returns once every part is healthy; {@link #stop()} stops the
 * services, then the store, then Kafka. Every child also ends by itself when the JVM that started it is gone.
 */
public final class LocalStack implements AutoCloseable {

	/** How many log lines a {@link LaunchException} carries. */
	static final int TAIL_LINES = 30;

	private final Path dataDirectory;

	private final Set<Part> parts;

	private final PartArguments arguments;

	private final PartCommands commands;

	private final ProcessRegistry registry;

	private final PartLifecycle lifecycle;

	LocalStack(StackSettings settings) {
		this.dataDirectory = settings.dataDirectory.toAbsolutePath().normalize();
		this.parts = EnumSet.copyOf(settings.parts);
		Path repository = (settings.repository != null) ? settings.repository : Repository.find();
		JarLocator jars = (settings.jarLocator != null) ? settings.jarLocator : JarLocator.inRepository(repository);
		List<String> childClasspath = (settings.childClasspath != null) ? settings.childClasspath
				: PartCommands.defaultChildClasspath(repository);
		String kafka = (settings.externalKafka != null) ? settings.externalKafka
				: "localhost:" + (Part.KAFKA.basePort() + settings.portOffset);
		String mongo = (settings.externalMongo != null) ? settings.externalMongo
				: "mongodb://localhost:" + (Part.STORE.basePort() + settings.portOffset);
		this.arguments = new PartArguments(settings.portOffset, kafka, mongo, this.dataDirectory, settings.demoData,
				settings.instances);
		this.commands = new PartCommands(this.dataDirectory, settings.jvmOptions, jars, childClasspath,
				settings.classDataSharing, this.arguments, settings.progress, settings.throughput);
		this.registry = new ProcessRegistry(this.dataDirectory, settings.progress);
		this.lifecycle = new PartLifecycle(this.parts, settings.externalKafka != null, settings.externalMongo != null,
				jars, this.arguments, this.commands, this.registry, settings.startTimeout, settings.progress);
	}

	/** @return a builder with the defaults: {@code ./data}, no port offset, every part, demo data */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts every chosen part that is not running: Kafka and the store in parallel, then the services in
	 * parallel, and returns once all are healthy.
	 * @throws LaunchException naming the first part that failed; the parts this call started are stopped again,
	 * in stop order
	 */
	public void start() {
		this.lifecycle.start();
	}

	/**
	 * Starts one part (every instance of it) and waits until it is healthy; does nothing for what is running.
	 * @param part the part
	 * @throws LaunchException if it does not become healthy (it is then stopped)
	 */
	public void start(Part part) {
		this.lifecycle.start(part);
	}

	/**
	 * Starts one instance of a part and waits until it is healthy; does nothing if it is running.
	 * @param part the part
	 * @param number the instance, 1 for the first
	 * @throws LaunchException if it does not become healthy (it is then stopped)
	 */
	public void start(Part part, int number) {
		this.lifecycle.start(instance(part, number));
	}

	/**
	 * Stops every running part: the gateway first, then the other services together, then the store, Kafka
	 * last.
	 */
	public void stop() {
		this.lifecycle.stop();
	}

	/**
	 * Stops one part (every instance of it): SIGTERM, up to 20 s to finish, then SIGKILL. Does nothing if it is not
	 * running.
	 * @param part the part
	 */
	public void stop(Part part) {
		this.lifecycle.stop(part);
	}

	/**
	 * Stops one instance of a part: SIGTERM, up to 20 s to finish (a service first answers what it received), then
	 * SIGKILL. Does nothing if it is not running.
	 * @param part the part
	 * @param number the instance, 1 for the first
	 */
	public void stop(Part part, int number) {
		this.lifecycle.stop(instance(part, number));
	}

	/**
	 * @param part a part
	 * @return how many instances of it this stack runs
	 */
	public int instances(Part part) {
		return this.arguments.instancesOf(part).size();
	}

	private Instance instance(Part part, int number) {
		if (number < 1 || number > instances(part)) {
			throw new IllegalArgumentException(part + " has " + instances(part) + " instance(s), not " + number);
		}
		return new Instance(part, number);
	}

	/**
	 * Adds arguments to a service's command from its next start on, e.g. to restart it with another setting.
	 * @param part a service part
	 * @param extra Spring Boot arguments ({@code --name=value}); empty to go back to the defaults
	 */
	public void extraArguments(Part part, List<String> extra) {
		if (!part.isService()) {
			throw new IllegalArgumentException(part + " is not a service");
		}
		this.commands.extraArguments(part, extra);
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * @param part a part
	 * @return whether this stack started it and its JVM is alive
	 */
	public boolean isRunning(Part part) {
		return this.registry.isRunning(Instance.first(part));
	}

	/**
	 * @param part a part
	 * @param number the instance, 1 for the first
	 * @return whether this stack started that instance and its JVM is alive
	 */
	public boolean isRunning(Part part, int number) {
		return this.registry.isRunning(instance(part, number));
	}

	/**
	 * @param part a part
	 * @return the pid of its (first instance's) JVM
	 * @throws IllegalStateException if it is not running
	 */
	public long pid(Part part) {
		return this.registry.pid(Instance.first(part));
	}

	/**
	 * @param part a part
	 * @param number the instance, 1 for the first
	 * @return the pid of that instance's JVM
	 * @throws IllegalStateException if it is not running
	 */
	public long pid(Part part, int number) {
		return this.registry.pid(instance(part, number));
	}

	/** @return the pids of the running child JVMs, by part (the first instance of each) */
	public Map<Part, Long> pids() {
		return this.registry.pids();
	}

	/** @return the pids of every running child JVM, by instance name ({@code booking}, {@code booking-2}, …) */
	public Map<String, Long> instancePids() {
		Map<String, Long> pids = new java.util.LinkedHashMap<>();
		this.registry.instancePids().forEach((instance, pid) -> pids.put(instance.name(), pid));
		return pids;
	}

	/**
	 * @param part a part
	 * @return the port it (its first instance) listens on, offset included (Kafka: the broker port)
	 */
	public int port(Part part) {
		return this.arguments.port(part);
	}

	/**
	 * @param part a part
	 * @param number the instance, 1 for the first
	 * @return the port that instance listens on: the first one's plus {@value Instance#PORT_STRIDE} per instance
	 */
	public int port(Part part, int number) {
		return this.arguments.port(instance(part, number));
	}

	/**
	 * @param part a service part
	 * @param number the instance, 1 for the first
	 * @return the HTTP base URL of that instance
	 */
	public String url(Part part, int number) {
		if (!part.isService()) {
			throw new IllegalArgumentException(part + " is not a service");
		}
		return this.arguments.localUrl(instance(part, number));
	}

	/**
	 * Where a part is reached: an HTTP base URL for services, the bootstrap servers for Kafka, a connection
	 * string without database for the store.
	 * @param part a part
	 * @return its address
	 */
	public String url(Part part) {
		return switch (part) {
			case KAFKA -> this.arguments.kafkaBootstrap();
			case STORE -> this.arguments.mongoBase();
			default -> this.arguments.localUrl(part);
		};
	}

	/**
	 * @param part a part
	 * @return its log file
	 */
	public Path logFile(Part part) {
		return this.commands.logFile(part);
	}

	/**
	 * @param part a part
	 * @param number the instance, 1 for the first
	 * @return that instance's log file ({@code logs/booking-2.log})
	 */
	public Path logFile(Part part, int number) {
		return this.commands.logFile(instance(part, number));
	}

	/** @return the data directory, absolute */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/** @return the parts this stack starts, in start order */
	public Set<Part> parts() {
		return EnumSet.copyOf(this.parts);
	}

	/**
	 * The full command line of a part, as {@link #start(Part)} would run it.
	 * @param part a part
	 * @return program and arguments
	 */
	List<String> command(Part part) {
		return this.commands.command(part);
	}

	/**
	 * @param part a part
	 * @return where its pid is kept while it runs, for {@code infra/local/stop}
	 */
	Path pidFile(Part part) {
		return this.registry.pidFile(Instance.first(part));
	}

	/**
	 * The full command line of one instance of a part.
	 * @param part a part
	 * @param number the instance, 1 for the first
	 * @return program and arguments
	 */
	List<String> command(Part part, int number) {
		return this.commands.command(instance(part, number));
	}

	/** Collects the settings of a {@link LocalStack}; {@link LocalStack#builder()} gives one with the defaults. */
	public static final class Builder {

		/** The JVM options of each service: small heap, fast start. {@code {part}} and {@code {data}} are replaced. */
		public static final List<String> SMALL_MACHINE_JVM_OPTIONS = List.of("-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m", "-XX:MaxMetaspaceSize=160m",
				"-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

		/**
		 * The JVM options of each service for sustained load ({@code infra/local/start --throughput}): the full JIT
		 * (C1 then C2), a parallel collector and a larger heap, at the cost of a slower start and more memory.
		 */
		public static final List<String> THROUGHPUT_JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-Xms512m",
				"-Xmx1g", "-XX:MaxMetaspaceSize=256m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

		private final StackSettings settings = new StackSettings();

		private Builder() {
		}

		/**
		 * @param dataDirectory where data, logs and e-mails go; default {@code ./data}
		 * @return this builder
		 */
		public Builder dataDirectory(Path dataDirectory) {
			this.settings.dataDirectory = Objects.requireNonNull(dataDirectory);
			return this;
		}

		/**
		 * @param portOffset added to every port; default 0
		 * @return this builder
		 */
		public Builder portOffset(int portOffset) {
			if (portOffset < 0 || Part.KAFKA.basePort() + portOffset + Part.KAFKA_CONTROLLER_DELTA > 65535
					|| Part.STORE.basePort() + portOffset > 65535) {
				throw new IllegalArgumentException("port offset " + portOffset + " puts ports outside 1-65535");
			}
			this.settings.portOffset = portOffset;
			return this;
		}

		/**
		 * Uses a running Kafka instead of starting one.
		 * @param bootstrap bootstrap servers
		 * @return this builder
		 */
		public Builder externalKafka(String bootstrap) {
			this.settings.externalKafka = Objects.requireNonNull(bootstrap);
			return this;
		}

		/**
		 * Uses a running MongoDB instead of starting the store.
		 * @param uri connection string; each service gets its own database on it
		 * @return this builder
		 */
		public Builder externalMongo(String uri) {
			this.settings.externalMongo = Objects.requireNonNull(uri);
			return this;
		}

		/**
		 * Runs several instances of a part, each its own JVM on its own port (the first one's plus
		 * {@value Instance#PORT_STRIDE} per instance) with its own log, sharing Kafka and the store; the gateway is
		 * given all of them. Web reaches the services at their first instance.
		 * @param part listings, booking or notifications ({@link Instance#SCALABLE})
		 * @param count 1 to {@value Instance#MAX_INSTANCES}; default 1
		 * @return this builder
		 * @throws IllegalArgumentException for another part or count
		 */
		public Builder instances(Part part, int count) {
			if (count < 1 || count > Instance.MAX_INSTANCES) {
				throw new IllegalArgumentException("instances of " + part + ": between 1 and "
						+ Instance.MAX_INSTANCES + ", not " + count);
			}
			if (count > 1 && !Instance.SCALABLE.contains(part)) {
				throw new IllegalArgumentException("only listings, booking and notifications may run several "
						+ "instances, not " + part + " (identity and web keep sign-in sessions in memory; the "
						+ "gateway is the one door; one broker and one store locally)");
			}
			this.settings.instances.put(part, count);
			return this;
		}

		/**
		 * @param demoData whether services load the demo organisations, people and listings; default true
		 * @return this builder
		 */
		public Builder demoData(boolean demoData) {
			this.settings.demoData = demoData;
			return this;
		}

		/**
		 * @param parts the parts to start; default all
		 * @return this builder
		 */
		public Builder parts(Part... parts) {
			return parts(List.of(parts));
		}

		/**
		 * @param parts the parts to start; default all
		 * @return this builder
		 */
		public Builder parts(Collection<Part> parts) {
			if (parts.isEmpty()) {
				throw new IllegalArgumentException("choose at least one part");
			}
			this.settings.parts = EnumSet.copyOf(parts);
			return this;
		}

		/**
		 * Runs every part for sustained load: services with {@link #THROUGHPUT_JVM_OPTIONS}, Kafka and the store with
		 * the full JIT and larger heaps.
		 * @param throughput whether to; default {@code false} (start-up oriented: C1 only, small heaps)
		 * @return this builder
		 */
		public Builder throughput(boolean throughput) {
			this.settings.throughput = throughput;
			this.settings.jvmOptions = throughput ? THROUGHPUT_JVM_OPTIONS : SMALL_MACHINE_JVM_OPTIONS;
			return this;
		}

		/**
		 * @param jvmOptions the JVM options of every service, replacing {@link #SMALL_MACHINE_JVM_OPTIONS}
		 * @return this builder
		 */
		public Builder jvmOptions(List<String> jvmOptions) {
			this.settings.jvmOptions = List.copyOf(jvmOptions);
			return this;
		}

		/**
		 * @param jarLocator where the services' executable jars are; default the repository layout
		 * @return this builder
		 */
		public Builder jarLocator(JarLocator jarLocator) {
			this.settings.jarLocator = Objects.requireNonNull(jarLocator);
			return this;
		}

		/**
		 * @param repository the repository root; default found upwards from the working directory
		 * @return this builder
		 */
		public Builder repository(Path repository) {
			this.settings.repository = Objects.requireNonNull(repository);
			return this;
		}

		/**
		 * @param classpath the class path of the Kafka and store JVMs; default {@code infra/local/target/classpath.txt}
		 * plus its classes, else this JVM's class path
		 * @return this builder
		 */
		public Builder childClasspath(List<String> classpath) {
			this.settings.childClasspath = List.copyOf(classpath);
			return this;
		}

		/**
		 * @param startTimeout how long one part may take to become healthy; default 120 s
		 * @return this builder
		 */
		public Builder startTimeout(Duration startTimeout) {
			this.settings.startTimeout = Objects.requireNonNull(startTimeout);
			return this;
		}

		/**
		 * @param classDataSharing whether services keep a dynamic AppCDS archive in {@code <data>/cds}, written as a
		 * service without a current one exits: measured about a quarter faster from the second start, at the cost
		 * of a slower first stop after a build; default off
		 * @return this builder
		 */
		public Builder classDataSharing(boolean classDataSharing) {
			this.settings.classDataSharing = classDataSharing;
			return this;
		}

		/**
		 * @param progress receives one line per step ({@code booking: ready in 6.2 s}); default silent
		 * @return this builder
		 */
		public Builder progress(Consumer<String> progress) {
			this.settings.progress = Objects.requireNonNull(progress);
			return this;
		}

		/** @return the stack, not started */
		public LocalStack build() {
			return new LocalStack(this.settings);
		}

	}

}
