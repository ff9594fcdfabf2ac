package org.mutualis.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * The local stack: Kafka, the MongoDB-compatible store and the services, each in its own child JVM with its log in
 * {@code <data>/logs/<part>.log}. {@link #start()} returns once every part is healthy; {@link #stop()} stops the
 * services, then the store, then Kafka.
 */
public final class LocalStack implements AutoCloseable {

	/** How many log lines a {@link LaunchException} carries. */
	static final int TAIL_LINES = 30;

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private static final Duration POLL = Duration.ofMillis(250);

	private final Path dataDirectory;

	private final int portOffset;

	private final @Nullable String externalKafka;

	private final @Nullable String externalMongo;

	private final boolean demoData;

	private final Set<Part> parts;

	private final List<String> jvmOptions;

	private final JarLocator jarLocator;

	private final List<String> childClasspath;

	private final Duration startTimeout;

	private final boolean classDataSharing;

	private final Consumer<String> progress;

	private final PartArguments arguments;

	private final Map<Part, ChildProcess> running = new EnumMap<>(Part.class);

	private volatile boolean stopping;

	private LocalStack(Builder builder) {
		this.dataDirectory = builder.dataDirectory.toAbsolutePath().normalize();
		this.portOffset = builder.portOffset;
		this.externalKafka = builder.externalKafka;
		this.externalMongo = builder.externalMongo;
		this.demoData = builder.demoData;
		this.parts = EnumSet.copyOf(builder.parts);
		this.jvmOptions = List.copyOf(builder.jvmOptions);
		Path repository = (builder.repository != null) ? builder.repository : Repository.find();
		this.jarLocator = (builder.jarLocator != null) ? builder.jarLocator : JarLocator.inRepository(repository);
		this.childClasspath = (builder.childClasspath != null) ? List.copyOf(builder.childClasspath)
				: defaultChildClasspath(repository);
		this.startTimeout = builder.startTimeout;
		this.classDataSharing = builder.classDataSharing;
		this.progress = builder.progress;
		this.arguments = new PartArguments(this.portOffset, kafkaBootstrap(), mongoBase(), this.dataDirectory,
				this.demoData);
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
		this.stopping = false;
		List<Part> infrastructure = startable(List.of(Part.KAFKA, Part.STORE));
		List<Part> services = startable(Part.services());
		// a taken port fails at once, before anything else starts
		infrastructure.forEach(this::checkPortsFree);
		services.forEach(this::checkPortsFree);
		try {
			startTogether(infrastructure);
			startTogether(services);
		}
		catch (LaunchException ex) {
			List<Part> started = new ArrayList<>(infrastructure);
			started.addAll(services);
			Collections.reverse(started);
			started.forEach(this::stop);
			throw ex;
		}
	}

	/**
	 * Starts one part and waits until it is healthy; does nothing if it is running.
	 * @param part the part
	 * @throws LaunchException if it does not become healthy (it is then stopped)
	 */
	public void start(Part part) {
		this.stopping = false;
		startPart(part);
	}

	private void startPart(Part part) {
		if (isRunning(part)) {
			return;
		}
		long started = System.nanoTime();
		this.progress.accept(part + ": starting");
		checkPortsFree(part);
		ChildProcess child = launch(part);
		register(child);
		try {
			awaitHealthy(child);
		}
		catch (LaunchException ex) {
			unregister(part);
			child.stop(STOP_GRACE);
			throw ex;
		}
		this.progress.accept(part + ": ready in %.1f s (pid %d)".formatted((System.nanoTime() - started) / 1e9,
				child.pid()));
	}

	/** Stops every running part: services first (gateway to identity), then the store, Kafka last. */
	public synchronized void stop() {
		this.stopping = true;
		List<Part> order = new ArrayList<>(List.of(Part.values()));
		Collections.reverse(order);
		order.forEach(this::stop);
	}

	/**
	 * Stops one part: SIGTERM, up to 20 s to finish, then SIGKILL. Does nothing if it is not running.
	 * @param part the part
	 */
	public synchronized void stop(Part part) {
		ChildProcess child = unregister(part);
		if (child == null) {
			return;
		}
		this.progress.accept(part + ": stopping");
		boolean graceful = child.stop(STOP_GRACE);
		this.progress.accept(part + (graceful ? ": stopped" : ": killed after " + STOP_GRACE.toSeconds() + " s"));
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
		synchronized (this.running) {
			ChildProcess child = this.running.get(part);
			return child != null && child.alive();
		}
	}

	/**
	 * @param part a part
	 * @return the pid of its JVM
	 * @throws IllegalStateException if it is not running
	 */
	public long pid(Part part) {
		synchronized (this.running) {
			ChildProcess child = this.running.get(part);
			if (child == null) {
				throw new IllegalStateException(part + " is not running");
			}
			return child.pid();
		}
	}

	/** @return the pids of the running child JVMs, by part */
	public Map<Part, Long> pids() {
		Map<Part, Long> pids = new EnumMap<>(Part.class);
		synchronized (this.running) {
			this.running.forEach((part, child) -> pids.put(part, child.pid()));
		}
		return pids;
	}

	/**
	 * @param part a part
	 * @return the port it listens on, offset included (Kafka: the broker port)
	 */
	public int port(Part part) {
		return this.arguments.port(part);
	}

	/**
	 * Where a part is reached: an HTTP base URL for services, the bootstrap servers for Kafka, a connection
	 * string without database for the store.
	 * @param part a part
	 * @return its address
	 */
	public String url(Part part) {
		return switch (part) {
			case KAFKA -> kafkaBootstrap();
			case STORE -> mongoBase();
			default -> this.arguments.localUrl(part);
		};
	}

	/**
	 * @param part a part
	 * @return its log file
	 */
	public Path logFile(Part part) {
		return this.dataDirectory.resolve("logs").resolve(part.partName() + ".log");
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
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>();
		command.add(java);
		switch (part) {
			case KAFKA -> {
				command.addAll(List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
						"-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"));
				command.add("-Dlog4j2.configurationFile=" + log4jConfiguration());
				command.addAll(List.of("-cp", String.join(File.pathSeparator, this.childClasspath),
						KafkaBroker.class.getName()));
				KafkaBrokerConfig config = kafkaConfig();
				if (!config.formatted()) {
					// first start: StorageTool formats the log directory in the broker's JVM, before the broker runs
					command.addAll(List.of("--format", Uuid.randomUuid().toString()));
				}
				command.add(config.propertiesFile().toString());
			}
			case STORE -> {
				command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
						"-XX:+ExitOnOutOfMemoryError"));
				command.add("-Dlog4j2.configurationFile=" + log4jConfiguration());
				command.addAll(List.of("-cp", String.join(File.pathSeparator, this.childClasspath),
						DocumentStore.class.getName(), Integer.toString(port(Part.STORE)),
						this.dataDirectory.resolve("mongo").resolve("mutualis.mv").toString()));
			}
			default -> {
				command.addAll(this.jvmOptions.stream()
					.map((option) -> option.replace("{part}", part.partName())
						.replace("{data}", this.dataDirectory.toString()))
					.toList());
				command.addAll(classDataSharingOptions(part));
				command.addAll(List.of("-jar", this.jarLocator.jarOf(part).toString()));
				command.addAll(this.arguments.service(part));
			}
		}
		return command;
	}

	private List<String> classDataSharingOptions(Part part) {
		if (!this.classDataSharing) {
			return List.of();
		}
		// JDK 19+: the archive is written when the JVM exits normally, used from the next start, and rebuilt by
		// the JVM when the jar no longer matches it. Services only: the broker and store class paths hold a
		// directory (target/classes), which dynamic archives do not support.
		return List.of("-XX:SharedArchiveFile=" + this.dataDirectory.resolve("cds").resolve(part.partName() + ".jsa"),
				"-XX:+AutoCreateSharedArchive");
	}

	private List<Part> startable(List<Part> candidates) {
		return candidates.stream()
			.filter(this.parts::contains)
			.filter((part) -> !(part == Part.KAFKA && this.externalKafka != null))
			.filter((part) -> !(part == Part.STORE && this.externalMongo != null))
			.filter((part) -> !isRunning(part))
			.toList();
	}

	private void startTogether(List<Part> group) {
		if (group.size() == 1) {
			startPart(group.get(0));
			return;
		}
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			group.forEach((part) -> futures.add(executor.submit(() -> startPart(part))));
			LaunchException failure = null;
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					RuntimeException cause = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
					if (failure == null && cause instanceof LaunchException launch) {
						failure = launch;
					}
					else if (failure == null) {
						throw cause;
					}
					else {
						failure.addSuppressed(cause);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while starting " + group, ex);
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
	}

	private void checkPortsFree(Part part) {
		List<Integer> ports = (part == Part.KAFKA)
				? List.of(port(part), port(part) + Part.KAFKA_CONTROLLER_DELTA) : List.of(port(part));
		for (int port : ports) {
			if (!Probes.portFree(port)) {
				throw new LaunchException(part, "port " + port + " is already in use (is Mutualis already running? "
						+ "find the program with: ss -ltnp 'sport = :" + port + "'; or use another --port-offset)",
						List.of());
			}
		}
	}

	private ChildProcess launch(Part part) {
		try {
			if (part.isService() && !Files.isRegularFile(this.jarLocator.jarOf(part))) {
				throw new LaunchException(part, "its executable jar " + this.jarLocator.jarOf(part)
						+ " does not exist; build it with ./mvnw -DskipTests install", List.of());
			}
			if (part == Part.KAFKA) {
				prepareKafka();
			}
			if (part == Part.KAFKA || part == Part.STORE) {
				writeLog4jConfiguration();
			}
			if (part.isService()) {
				Files.createDirectories(this.dataDirectory.resolve("mail"));
				Files.createDirectories(this.dataDirectory.resolve("cds"));
			}
			return ChildProcess.start(part, command(part),
					part.isService() ? this.arguments.environment(part) : Map.of(), logFile(part));
		}
		catch (IOException ex) {
			throw new LaunchException(part, ex.toString(), ChildProcess.tail(logFile(part), TAIL_LINES));
		}
	}

	private void prepareKafka() throws IOException {
		KafkaBrokerConfig config = kafkaConfig();
		config.write();
		if (!config.formatted()) {
			this.progress.accept("kafka: first start, formatting " + config.logDirectory());
		}
	}

	private void awaitHealthy(ChildProcess child) {
		Part part = child.part();
		long deadline = System.nanoTime() + this.startTimeout.toNanos();
		try (HealthCheck check = healthCheck(part)) {
			while (true) {
				if (!child.alive()) {
					throw new LaunchException(part, "its JVM exited with code " + child.exitCode(),
							child.tail(TAIL_LINES));
				}
				if (this.stopping) {
					throw new LaunchException(part, "the stack is stopping", child.tail(TAIL_LINES));
				}
				if (check.healthy()) {
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new LaunchException(part, "not healthy after " + this.startTimeout.toSeconds() + " s",
							child.tail(TAIL_LINES));
				}
				Thread.sleep(POLL);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException(part, "interrupted while waiting for it", child.tail(TAIL_LINES));
		}
	}

	private HealthCheck healthCheck(Part part) {
		return switch (part) {
			case KAFKA -> new HealthCheck() {
				private @Nullable Admin admin;

				@Override
				public boolean healthy() {
					if (!Probes.connects("127.0.0.1", port(Part.KAFKA))) {
						return false;
					}
					if (this.admin == null) {
						this.admin = Probes.kafkaAdmin(kafkaBootstrap());
					}
					return Probes.kafkaUp(this.admin, Duration.ofSeconds(1));
				}

				@Override
				public void close() {
					if (this.admin != null) {
						this.admin.close(Duration.ofSeconds(2));
					}
				}
			};
			case STORE -> () -> Probes.connects("127.0.0.1", port(Part.STORE));
			default -> () -> Probes.serviceUp(url(part));
		};
	}

	/** Answers whether a part is healthy yet; may hold a client between attempts. */
	private interface HealthCheck extends AutoCloseable {

		boolean healthy();

		@Override
		default void close() {
		}

	}

	private void register(ChildProcess child) {
		synchronized (this.running) {
			if (this.stopping) {
				child.stop(STOP_GRACE);
				throw new LaunchException(child.part(), "the stack is stopping", List.of());
			}
			this.running.put(child.part(), child);
		}
		child.process().onExit().thenAccept((process) -> {
			boolean expected;
			synchronized (this.running) {
				expected = this.running.get(child.part()) != child;
			}
			if (!expected) {
				this.progress.accept(child.part() + ": exited unexpectedly with code " + process.exitValue()
						+ "; see " + logFile(child.part()));
			}
		});
	}

	private @Nullable ChildProcess unregister(Part part) {
		synchronized (this.running) {
			return this.running.remove(part);
		}
	}

	private KafkaBrokerConfig kafkaConfig() {
		return new KafkaBrokerConfig(this.dataDirectory, port(Part.KAFKA), port(Part.KAFKA) + Part.KAFKA_CONTROLLER_DELTA);
	}

	private String kafkaBootstrap() {
		return (this.externalKafka != null) ? this.externalKafka
				: "localhost:" + (Part.KAFKA.basePort() + this.portOffset);
	}

	private String mongoBase() {
		return (this.externalMongo != null) ? this.externalMongo
				: "mongodb://localhost:" + (Part.STORE.basePort() + this.portOffset);
	}

	private Path writeLog4jConfiguration() throws IOException {
		Path file = this.dataDirectory.resolve("conf").resolve("log4j2.properties");
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				status = warn
				appender.console.type = Console
				appender.console.name = console
				appender.console.layout.type = PatternLayout
				appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
				rootLogger.level = info
				rootLogger.appenderRef.console.ref = console
				logger.stateChange.name = state.change.logger
				logger.stateChange.level = warn
				logger.request.name = kafka.request.logger
				logger.request.level = warn
				logger.controller.name = kafka.controller
				logger.controller.level = info
				# the full configuration dump at each start drowns the useful lines
				logger.config.name = org.apache.kafka.common.config.AbstractConfig
				logger.config.level = warn
				""", StandardCharsets.UTF_8);
		return file;
	}

	private Path log4jConfiguration() {
		return this.dataDirectory.resolve("conf").resolve("log4j2.properties");
	}

	private static List<String> defaultChildClasspath(Path repository) {
		Path module = repository.resolve("infra").resolve("local").resolve("target");
		Path classpathFile = module.resolve("classpath.txt");
		if (Files.isRegularFile(classpathFile) && Files.isDirectory(module.resolve("classes"))) {
			try {
				List<String> classpath = new ArrayList<>();
				classpath.add(module.resolve("classes").toString());
				String content = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
				if (!content.isEmpty()) {
					classpath.addAll(List.of(content.split(File.pathSeparator)));
				}
				return classpath;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
	}

	/** Collects the settings of a {@link LocalStack}. */
	public static final class Builder {

		/** The JVM options of each service: small heap, fast start. {@code {part}} and {@code {data}} are replaced. */
		public static final List<String> SMALL_MACHINE_JVM_OPTIONS = List.of("-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m", "-XX:MaxMetaspaceSize=160m",
				"-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

		private Path dataDirectory = Path.of("data");

		private int portOffset;

		private @Nullable String externalKafka;

		private @Nullable String externalMongo;

		private boolean demoData = true;

		private Set<Part> parts = EnumSet.allOf(Part.class);

		private List<String> jvmOptions = SMALL_MACHINE_JVM_OPTIONS;

		private @Nullable JarLocator jarLocator;

		private @Nullable Path repository;

		private @Nullable List<String> childClasspath;

		private Duration startTimeout = Duration.ofSeconds(120);

		private boolean classDataSharing;

		private Consumer<String> progress = (message) -> {
		};

		private Builder() {
		}

		/**
		 * @param dataDirectory where data, logs and e-mails go; default {@code ./data}
		 * @return this builder
		 */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = Objects.requireNonNull(dataDirectory);
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
			this.portOffset = portOffset;
			return this;
		}

		/**
		 * Uses a running Kafka instead of starting one.
		 * @param bootstrap bootstrap servers
		 * @return this builder
		 */
		public Builder externalKafka(String bootstrap) {
			this.externalKafka = Objects.requireNonNull(bootstrap);
			return this;
		}

		/**
		 * Uses a running MongoDB instead of starting the store.
		 * @param uri connection string; each service gets its own database on it
		 * @return this builder
		 */
		public Builder externalMongo(String uri) {
			this.externalMongo = Objects.requireNonNull(uri);
			return this;
		}

		/**
		 * @param demoData whether services load the demo organisations, people and listings; default true
		 * @return this builder
		 */
		public Builder demoData(boolean demoData) {
			this.demoData = demoData;
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
			this.parts = EnumSet.copyOf(parts);
			return this;
		}

		/**
		 * @param jvmOptions the JVM options of every service, replacing {@link #SMALL_MACHINE_JVM_OPTIONS}
		 * @return this builder
		 */
		public Builder jvmOptions(List<String> jvmOptions) {
			this.jvmOptions = List.copyOf(jvmOptions);
			return this;
		}

		/**
		 * @param jarLocator where the services' executable jars are; default the repository layout
		 * @return this builder
		 */
		public Builder jarLocator(JarLocator jarLocator) {
			this.jarLocator = Objects.requireNonNull(jarLocator);
			return this;
		}

		/**
		 * @param repository the repository root; default found upwards from the working directory
		 * @return this builder
		 */
		public Builder repository(Path repository) {
			this.repository = Objects.requireNonNull(repository);
			return this;
		}

		/**
		 * @param classpath the class path of the Kafka and store JVMs; default {@code infra/local/target/classpath.txt}
		 * plus its classes, else this JVM's class path
		 * @return this builder
		 */
		public Builder childClasspath(List<String> classpath) {
			this.childClasspath = List.copyOf(classpath);
			return this;
		}

		/**
		 * @param startTimeout how long one part may take to become healthy; default 120 s
		 * @return this builder
		 */
		public Builder startTimeout(Duration startTimeout) {
			this.startTimeout = Objects.requireNonNull(startTimeout);
			return this;
		}

		/**
		 * @param classDataSharing whether services keep a dynamic AppCDS archive in {@code <data>/cds}: measured
		 * about a quarter faster from the second start; default off, since a throw-away data directory only pays
		 * for writing the archives
		 * @return this builder
		 */
		public Builder classDataSharing(boolean classDataSharing) {
			this.classDataSharing = classDataSharing;
			return this;
		}

		/**
		 * @param progress receives one line per step ({@code booking: ready in 6.2 s}); default silent
		 * @return this builder
		 */
		public Builder progress(Consumer<String> progress) {
			this.progress = Objects.requireNonNull(progress);
			return this;
		}

		/** @return the stack, not started */
		public LocalStack build() {
			return new LocalStack(this);
		}

	}

}
