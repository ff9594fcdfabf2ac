package org.mutualis.local;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts and stops the parts of one stack in order: ports checked first, Kafka and the store before the
 * services, each launched, registered and awaited; stopping goes the other way, Kafka last.
 */
final class PartLifecycle {

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final Set<Part> parts;

	private final boolean externalKafka;

	private final boolean externalMongo;

	private final JarLocator jarLocator;

	private final PartArguments arguments;

	private final PartCommands commands;

	private final ProcessRegistry registry;

	private final Readiness readiness;

	private final Consumer<String> progress;

	private volatile boolean stopping;

	PartLifecycle(Set<Part> parts, boolean externalKafka, boolean externalMongo, JarLocator jarLocator,
			PartArguments arguments, PartCommands commands, ProcessRegistry registry, Duration startTimeout,
			Consumer<String> progress) {
		this.parts = EnumSet.copyOf(parts);
		this.externalKafka = externalKafka;
		this.externalMongo = externalMongo;
		this.jarLocator = jarLocator;
		this.arguments = arguments;
		this.commands = commands;
		this.registry = registry;
		this.readiness = new Readiness(arguments, startTimeout, () -> this.stopping);
		this.progress = progress;
	}

	/**
	 * Starts every chosen part that is not running: Kafka and the store in parallel, then the first instance of every
	 * service in parallel, then their further instances in parallel, and returns once all are healthy. Further
	 * instances wait for the first, so that a part's one-time start-up work (its demo data) runs once instead of
	 * racing its twin.
	 * @throws LaunchException naming the first part that failed; the parts this call started are stopped again,
	 * in stop order
	 */
	void start() {
		this.stopping = false;
		List<Instance> infrastructure = startable(List.of(Part.KAFKA, Part.STORE));
		List<Instance> services = startable(Part.services());
		// a taken port fails at once, before anything else starts
		infrastructure.forEach(this::checkPortsFree);
		services.forEach(this::checkPortsFree);
		try {
			Concurrently.forEach(infrastructure, this::startInstance);
			Concurrently.forEach(services.stream().filter((instance) -> instance.number() == 1).toList(),
					this::startInstance);
			List<Instance> further = services.stream().filter((instance) -> instance.number() > 1).toList();
			if (!further.isEmpty()) {
				Concurrently.forEach(further, this::startInstance);
			}
		}
		catch (LaunchException ex) {
			List<Instance> started = new ArrayList<>(infrastructure);
			started.addAll(services);
			Collections.reverse(started);
			started.forEach(this::stop);
			throw ex;
		}
	}

	/**
	 * Starts every instance of one part and waits until they are healthy; does nothing for those running.
	 * @param part the part
	 * @throws LaunchException if one does not become healthy (it is then stopped)
	 */
	void start(Part part) {
		this.stopping = false;
		List<Instance> instances = this.arguments.instancesOf(part);
		startInstance(instances.get(0));
		if (instances.size() > 1) {
			Concurrently.forEach(instances.subList(1, instances.size()), this::startInstance);
		}
	}

	/**
	 * Starts one instance of a part and waits until it is healthy; does nothing if it is running.
	 * @param instance the instance
	 * @throws LaunchException if it does not become healthy (it is then stopped)
	 */
	void start(Instance instance) {
		this.stopping = false;
		startInstance(instance);
	}

	private void startInstance(Instance instance) {
		if (this.registry.isRunning(instance)) {
			return;
		}
		long started = System.nanoTime();
		this.progress.accept(instance + ": starting");
		checkPortsFree(instance);
		ChildProcess child = launch(instance);
		this.registry.register(child, () -> this.stopping, STOP_GRACE);
		try {
			this.readiness.await(child);
		}
		catch (LaunchException ex) {
			this.registry.unregister(instance);
			child.stop(STOP_GRACE);
			throw ex;
		}
		this.progress.accept(instance + ": ready in %.1f s (pid %d)".formatted((System.nanoTime() - started) / 1e9,
				child.pid()));
	}

	/**
	 * Stops every running part: the gateway first, then the other services (every instance) together, then the
	 * store, Kafka last.
	 */
	synchronized void stop() {
		this.stopping = true;
		stop(Part.GATEWAY);
		List<Instance> services = new ArrayList<>();
		for (Part part : List.of(Part.WEB, Part.NOTIFICATIONS, Part.BOOKING, Part.LISTINGS, Part.IDENTITY)) {
			services.addAll(this.arguments.instancesOf(part));
		}
		Concurrently.forEach(services, this::stop);
		stop(Part.STORE);
		stop(Part.KAFKA);
	}

	/**
	 * Stops every instance of one part: SIGTERM, up to 20 s to finish, then SIGKILL. Does nothing for those not
	 * running.
	 * @param part the part
	 */
	void stop(Part part) {
		Concurrently.forEach(this.arguments.instancesOf(part), this::stop);
	}

	/**
	 * Stops one instance of a part: SIGTERM, up to 20 s to finish, then SIGKILL. Does nothing if it is not running.
	 * @param instance the instance
	 */
	void stop(Instance instance) {
		ChildProcess child = this.registry.unregister(instance);
		if (child == null) {
			return;
		}
		this.progress.accept(instance + ": stopping");
		long started = System.nanoTime();
		boolean graceful = child.stop(STOP_GRACE);
		this.progress.accept(instance + (graceful ? ": stopped in %.1f s".formatted((System.nanoTime() - started) / 1e9)
				: ": killed after " + STOP_GRACE.toSeconds() + " s"));
	}

	private List<Instance> startable(List<Part> candidates) {
		return candidates.stream()
			.filter(this.parts::contains)
			.filter((part) -> !(part == Part.KAFKA && this.externalKafka))
			.filter((part) -> !(part == Part.STORE && this.externalMongo))
			.flatMap((part) -> this.arguments.instancesOf(part).stream())
			.filter((instance) -> !this.registry.isRunning(instance))
			.toList();
	}

	private void checkPortsFree(Instance instance) {
		int first = this.arguments.port(instance);
		List<Integer> ports = (instance.part() == Part.KAFKA) ? List.of(first, first + Part.KAFKA_CONTROLLER_DELTA)
				: List.of(first);
		for (int port : ports) {
			if (!Probes.portFree(port)) {
				throw new LaunchException(instance, "port " + port + " is already in use (is Mutualis already running? "
						+ "infra/local/stop also ends the parts a dead launcher left; otherwise find the program with: "
						+ "ss -ltnp 'sport = :" + port + "'; or use another --port-offset)",
						List.of());
			}
		}
	}

	private ChildProcess launch(Instance instance) {
		Part part = instance.part();
		try {
			if (part.isService() && !Files.isRegularFile(this.jarLocator.jarOf(part))) {
				throw new LaunchException(part, "its executable jar " + this.jarLocator.jarOf(part)
						+ " does not exist; build it with ./mvnw -DskipTests install", List.of());
			}
			if (part == Part.KAFKA && !this.commands.kafkaConfig().formatted()) {
				this.progress.accept("kafka: first start, formatting " + this.commands.kafkaConfig().logDirectory());
			}
			this.commands.prepare(part);
			return ChildProcess.start(instance, this.commands.command(instance),
					part.isService() ? this.arguments.environment(part) : Map.of(), this.commands.logFile(instance));
		}
		catch (IOException ex) {
			throw new LaunchException(instance, ex.toString(),
					ChildProcess.tail(this.commands.logFile(instance), LocalStack.TAIL_LINES));
		}
	}

}
