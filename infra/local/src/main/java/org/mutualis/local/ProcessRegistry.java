package org.mutualis.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
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

	private final Map<Part, ChildProcess> running = new EnumMap<>(Part.class);

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
				throw new LaunchException(child.part(), "the stack is stopping", List.of());
			}
			this.running.put(child.part(), child);
			writePidFile(child);
		}
		child.process().onExit().thenAccept((process) -> {
			boolean expected;
			synchronized (this.running) {
				expected = this.running.get(child.part()) != child;
			}
			if (!expected) {
				this.progress.accept(child.part() + ": exited unexpectedly with code " + process.exitValue() + "; see "
						+ child.logFile());
			}
		});
	}

	/**
	 * Forgets a part, before it is stopped, so that its exit is expected.
	 * @param part a part
	 * @return its child, or null if none was registered
	 */
	@Nullable ChildProcess unregister(Part part) {
		synchronized (this.running) {
			ChildProcess child = this.running.remove(part);
			if (child != null) {
				deleteQuietly(pidFile(part));
			}
			return child;
		}
	}

	boolean isRunning(Part part) {
		synchronized (this.running) {
			ChildProcess child = this.running.get(part);
			return child != null && child.alive();
		}
	}

	long pid(Part part) {
		synchronized (this.running) {
			ChildProcess child = this.running.get(part);
			if (child == null) {
				throw new IllegalStateException(part + " is not running");
			}
			return child.pid();
		}
	}

	Map<Part, Long> pids() {
		Map<Part, Long> pids = new EnumMap<>(Part.class);
		synchronized (this.running) {
			this.running.forEach((part, child) -> pids.put(part, child.pid()));
		}
		return pids;
	}

	/**
	 * @param part a part
	 * @return where its pid is written while it runs
	 */
	Path pidFile(Part part) {
		return this.runDirectory.resolve(part.partName() + ".pid");
	}

	private void writePidFile(ChildProcess child) {
		try {
			Files.createDirectories(this.runDirectory);
			Files.writeString(pidFile(child.part()), child.pid() + System.lineSeparator());
		}
		catch (IOException ex) {
			// the stack still works; only a stop after the launcher died cannot find this part
			this.progress.accept(child.part() + ": cannot write " + pidFile(child.part()) + ": " + ex);
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
