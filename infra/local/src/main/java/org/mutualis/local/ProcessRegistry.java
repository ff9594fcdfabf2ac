package org.mutualis.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The child JVMs a stack started, by part, mirrored as {@code <data>/run/<part>.pid} files so that
 * {@code infra/local/stop} can still find and end them when the launcher itself died; reports a child that exits
 * without being asked to.
 */
final class ProcessRegistry {

	private final Map<Instance, ChildProcess> running = new LinkedHashMap<>();

	private final Path runDirectory;

	private final Consumer<String> progress;

	/**
	 * @param dataDirectory the stack's data directory; pid files go to its {@code run} folder
	 * @param progress receives the line about a child that exited unexpectedly
	 */
	ProcessRegistry(Path dataDirectory, Consumer<String> progress) {
		this.runDirectory = dataDirectory.resolve("run");
		this.progress = progress;
	}

	/**
	 * Records a started child, unless the stack is stopping (the child is then stopped).
	 * @param child the child
	 * @param stopping whether the stack is stopping
	 * @param grace how long a refused child gets to stop
	 * @throws LaunchException if the stack is stopping
	 */
	void register(ChildProcess child, BooleanSupplier stopping, Duration grace) {
		synchronized (this.running) {
			if (stopping.getAsBoolean()) {
				child.stop(grace);
				throw new LaunchException(child.instance(), "the stack is stopping", List.of());
			}
			this.running.put(child.instance(), child);
			writePidFile(child);
		}
		child.process().onExit().thenAccept((process) -> {
			boolean expected;
			synchronized (this.running) {
				expected = this.running.get(child.instance()) != child;
			}
			if (!expected) {
				this.progress.accept(child.instance() + ": exited unexpectedly with code " + process.exitValue() + "; see "
						+ child.logFile());
			}
		});
	}

	/**
	 * Forgets an instance of a part, before it is stopped, so that its exit is expected.
	 * @param instance an instance
	 * @return its child, or null if none was registered
	 */
	@Nullable ChildProcess unregister(Instance instance) {
		synchronized (this.running) {
			ChildProcess child = this.running.remove(instance);
			if (child != null) {
				deleteQuietly(pidFile(instance));
			}
			return child;
		}
	}

	boolean isRunning(Instance instance) {
		synchronized (this.running) {
			ChildProcess child = this.running.get(instance);
			return child != null && child.alive();
		}
	}

	long pid(Instance instance) {
		synchronized (this.running) {
			ChildProcess child = this.running.get(instance);
			if (child == null) {
				throw new IllegalStateException(instance + " is not running");
			}
			return child.pid();
		}
	}

	/** @return the pids of the first instance of each running part */
	Map<Part, Long> pids() {
		Map<Part, Long> pids = new EnumMap<>(Part.class);
		synchronized (this.running) {
			this.running.forEach((instance, child) -> {
				if (instance.number() == 1) {
					pids.put(instance.part(), child.pid());
				}
			});
		}
		return pids;
	}

	/** @return the pids of every running instance */
	Map<Instance, Long> instancePids() {
		Map<Instance, Long> pids = new LinkedHashMap<>();
		synchronized (this.running) {
			this.running.forEach((instance, child) -> pids.put(instance, child.pid()));
		}
		return pids;
	}

	/**
	 * @param instance an instance of a part
	 * @return where its pid is written while it runs ({@code run/booking.pid}, {@code run/booking-2.pid})
	 */
	Path pidFile(Instance instance) {
		return this.runDirectory.resolve(instance.name() + ".pid");
	}

	private void writePidFile(ChildProcess child) {
		try {
			Files.createDirectories(this.runDirectory);
			Files.writeString(pidFile(child.instance()), child.pid() + System.lineSeparator());
		}
		catch (IOException ex) {
			// the stack still works; only a stop after the launcher died cannot find this part
			this.progress.accept(child.instance() + ": cannot write " + pidFile(child.instance()) + ": " + ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// stop checks whether the pid is a part of this stack before it touches it
		}
	}

}
