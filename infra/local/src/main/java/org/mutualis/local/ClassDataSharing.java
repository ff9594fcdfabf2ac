package org.mutualis.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The services' AppCDS archives in {@code <data>/cds}. A service whose archive was written for its current class
 * path and JVM maps it; any other service starts recording, and once it is ready it is asked in the background
 * ({@code jcmd <pid> VM.cds dynamic_dump}) to write its archive for the next start. No archive is ever written at
 * exit, which made the first stop after a build take over 20 s.
 */
final class ClassDataSharing {

	private final Path directory;

	private final List<String> jvmOptions;

	private final Consumer<String> progress;

	private final Map<Part, String> due = new ConcurrentHashMap<>();

	private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform()
		.name("mutualis-cds-writer")
		.daemon(true)
		.priority(Thread.MIN_PRIORITY)
		.factory());

	/**
	 * @param dataDirectory the stack's data directory; archives go to its {@code cds} folder
	 * @param jvmOptions the services' JVM options, part of what an archive was written for
	 * @param progress receives a line per archive written or not written
	 */
	ClassDataSharing(Path dataDirectory, List<String> jvmOptions, Consumer<String> progress) {
		this.directory = dataDirectory.resolve("cds");
		this.jvmOptions = List.copyOf(jvmOptions);
		this.progress = progress;
	}

	/**
	 * The JVM options that use a service's archive, or record what it loads when the archive is missing or was
	 * written for another class path or JVM.
	 * @param service a service part
	 * @param classPath its class path
	 * @return the options
	 */
	List<String> options(Part service, List<Path> classPath) {
		String stamp = stamp(classPath);
		if (current(service, stamp)) {
			this.due.remove(service);
			return List.of("-XX:SharedArchiveFile=" + archive(service));
		}
		this.due.put(service, stamp);
		return List.of("-XX:+RecordDynamicDumpInfo");
	}

	/**
	 * Asks a ready service that has no current archive to write one, one service at a time, in the background.
	 * @param service a service that has just become ready
	 * @param pid its JVM
	 * @param stopping whether the stack is stopping, which cancels archives not yet begun
	 */
	void writeLater(Part service, long pid, BooleanSupplier stopping) {
		String stamp = this.due.remove(service);
		if (stamp == null) {
			return;
		}
		this.writer.execute(() -> {
			if (!stopping.getAsBoolean()) {
				write(service, pid, stamp);
			}
		});
	}

	Path archive(Part service) {
		return this.directory.resolve(service.partName() + ".jsa");
	}

	private Path stampFile(Part service) {
		return this.directory.resolve(service.partName() + ".jsa.stamp");
	}

	private boolean current(Part service, String stamp) {
		try {
			return Files.isRegularFile(archive(service)) && Files.isRegularFile(stampFile(service))
					&& Files.readString(stampFile(service), StandardCharsets.UTF_8).equals(stamp);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** What an archive depends on: the JVM, its options, and each class path entry's size and time. */
	private String stamp(List<Path> classPath) {
		List<String> lines = new ArrayList<>();
		lines.add(System.getProperty("java.home") + " " + System.getProperty("java.vm.version"));
		lines.add(String.join(" ", this.jvmOptions));
		for (Path entry : classPath) {
			try {
				lines.add(entry + " " + Files.size(entry) + " " + Files.getLastModifiedTime(entry).toMillis());
			}
			catch (IOException ex) {
				lines.add(entry + " missing");
			}
		}
		return String.join("\n", lines) + "\n";
	}

	private void write(Part service, long pid, String stamp) {
		Path archive = archive(service);
		Path next = archive.resolveSibling(archive.getFileName() + ".next");
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		long started = System.nanoTime();
		try {
			Files.createDirectories(this.directory);
			Files.deleteIfExists(next);
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
					next.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(next)
					|| Files.size(next) == 0) {
				this.progress.accept(service + ": no AppCDS archive written (" + output.replace('\n', ' ') + ")");
				Files.deleteIfExists(next);
				return;
			}
			Files.move(next, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Files.writeString(stampFile(service), stamp, StandardCharsets.UTF_8);
			this.progress.accept(service + ": AppCDS archive written in the background in %.1f s, used from the next start"
				.formatted((System.nanoTime() - started) / 1e9));
		}
		catch (IOException ex) {
			this.progress.accept(service + ": no AppCDS archive written (" + ex.getMessage() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
