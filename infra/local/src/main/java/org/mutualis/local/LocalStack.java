package org.mutualis.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The local stack: Kafka, the MongoDB-compatible store and the services, each in its own child JVM with its log in
 * {@code <data>/logs/<part>.log}. {@link #start()} returns once every part is healthy; {@link #stop()} stops the
 * services, then the store, then Kafka. Every child also ends by itself when the JVM that started it is gone.
 */
public final class LocalStack implements AutoCloseable {

	/** How many log lines a {@link LaunchException} carries. */
	static final int TAIL_LINES = 30;

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final Path dataDirectory;

	private final @Nullable String externalKafka;

	private final @Nullable String externalMongo;

	private final Set<Part> parts;

	private final JarLocator jarLocator;

	private final Consumer<String> progress;

	private final PartArguments arguments;

	private final PartCommands commands;

	private final Readiness readiness;

	private final ProcessRegistry registry;

	private volatile boolean stopping;

	LocalStack(LocalStackBuilder builder) {
		this.dataDirectory = builder.dataDirectory.toAbsolutePath().normalize();
		this.externalKafka = builder.externalKafka;
		this.externalMongo = builder.externalMongo;
		this.parts = EnumSet.copyOf(builder.parts);
		Path repository = (builder.repository != null) ? builder.repository : Repository.find();
		this.jarLocator = (builder.jarLocator != null) ? builder.jarLocator : JarLocator.inRepository(repository);
		List<String> childClasspath = (builder.childClasspath != null) ? builder.childClasspath
				: PartCommands.defaultChildClasspath(repository);
		this.progress = builder.progress;
		String kafka = (this.externalKafka != null) ? this.externalKafka
				: "localhost:" + (Part.KAFKA.basePort() + builder.portOffset);
		String mongo = (this.externalMongo != null) ? this.externalMongo
				: "mongodb://localhost:" + (Part.STORE.basePort() + builder.portOffset);
		this.arguments = new PartArguments(builder.portOffset, kafka, mongo, this.dataDirectory, builder.demoData);
		this.commands = new PartCommands(this.dataDirectory, builder.jvmOptions, this.jarLocator, childClasspath,
				builder.classDataSharing, this.arguments);
		this.readiness = new Readiness(this.arguments, builder.startTimeout, () -> this.stopping);
		this.registry = new ProcessRegistry(this.dataDirectory, this.progress);
	}

	/** @return a builder with the defaults: {@code ./data}, no port offset, every part, demo data */
	public static LocalStackBuilder builder() {
		return new LocalStackBuilder();
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
			Concurrently.forEach(infrastructure, this::startPart);
			Concurrently.forEach(services, this::startPart);
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
		this.registry.register(child, () -> this.stopping, STOP_GRACE);
		try {
			this.readiness.await(child);
		}
		catch (LaunchException ex) {
			this.registry.unregister(part);
			child.stop(STOP_GRACE);
			throw ex;
		}
		this.progress.accept(part + ": ready in %.1f s (pid %d)".formatted((System.nanoTime() - started) / 1e9,
				child.pid()));
	}

	/**
	 * Stops every running part: the gateway first, then the other services together (each may be writing its
	 * AppCDS archive), then the store, Kafka last.
	 */
	public synchronized void stop() {
		this.stopping = true;
		stop(Part.GATEWAY);
		Concurrently.forEach(List.of(Part.WEB, Part.NOTIFICATIONS, Part.BOOKING, Part.LISTINGS, Part.IDENTITY), this::stop);
		stop(Part.STORE);
		stop(Part.KAFKA);
	}

	/**
	 * Stops one part: SIGTERM, up to 20 s to finish, then SIGKILL. Does nothing if it is not running.
	 * @param part the part
	 */
	public void stop(Part part) {
		ChildProcess child = this.registry.unregister(part);
		if (child == null) {
			return;
		}
		this.progress.accept(part + ": stopping");
		long started = System.nanoTime();
		boolean graceful = child.stop(STOP_GRACE);
		this.progress.accept(part + (graceful ? ": stopped in %.1f s".formatted((System.nanoTime() - started) / 1e9)
				: ": killed after " + STOP_GRACE.toSeconds() + " s"));
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
		return this.registry.isRunning(part);
	}

	/**
	 * @param part a part
	 * @return the pid of its JVM
	 * @throws IllegalStateException if it is not running
	 */
	public long pid(Part part) {
		return this.registry.pid(part);
	}

	/** @return the pids of the running child JVMs, by part */
	public Map<Part, Long> pids() {
		return this.registry.pids();
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
		return this.commands.command(part);
	}

	/**
	 * @param part a part
	 * @return where its pid is kept while it runs, for {@code infra/local/stop}
	 */
	Path pidFile(Part part) {
		return this.registry.pidFile(part);
	}

	private List<Part> startable(List<Part> candidates) {
		return candidates.stream()
			.filter(this.parts::contains)
			.filter((part) -> !(part == Part.KAFKA && this.externalKafka != null))
			.filter((part) -> !(part == Part.STORE && this.externalMongo != null))
			.filter((part) -> !isRunning(part))
			.toList();
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
			if (part == Part.KAFKA && !this.commands.kafkaConfig().formatted()) {
				this.progress.accept("kafka: first start, formatting " + this.commands.kafkaConfig().logDirectory());
			}
			this.commands.prepare(part);
			return ChildProcess.start(part, command(part),
					part.isService() ? this.arguments.environment(part) : Map.of(), logFile(part));
		}
		catch (IOException ex) {
			throw new LaunchException(part, ex.toString(), ChildProcess.tail(logFile(part), TAIL_LINES));
		}
	}

}
