package org.mutualis.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The services' AppCDS archives in {@code <data>/cds}, used only with {@code --cds}. A service whose archive was
 * written for its current class path and JVM maps it; any other service writes its archive when it exits
 * ({@code -XX:ArchiveClassesAtExit}), so the first stop after a build is slower. Archives are never written into a
 * running JVM ({@code jcmd VM.cds dynamic_dump}): on JDK 25 a service asked to do so crashed later in the JVM's lambda
 * proxy lookup.
 */
final class ClassDataSharing {

	private final Path directory;

	private final List<String> jvmOptions;

	/**
	 * @param dataDirectory the stack's data directory; archives go to its {@code cds} folder
	 * @param jvmOptions the services' JVM options, part of what an archive was written for
	 */
	ClassDataSharing(Path dataDirectory, List<String> jvmOptions) {
		this.directory = dataDirectory.resolve("cds");
		this.jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * The JVM options that use a service's archive, or write it at exit when it is missing or was written for another
	 * class path or JVM.
	 * @param service a service part
	 * @param classPath its class path
	 * @return the options
	 */
	List<String> options(Part service, List<Path> classPath) {
		String stamp = stamp(classPath);
		if (current(service, stamp)) {
			return List.of("-XX:SharedArchiveFile=" + archive(service));
		}
		try {
			Files.createDirectories(this.directory);
			Files.deleteIfExists(archive(service));
			// the stamp names what the archive about to be written belongs to; without the archive it means nothing
			Files.writeString(stampFile(service), stamp, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return List.of();
		}
		return List.of("-XX:ArchiveClassesAtExit=" + archive(service));
	}

	Path archive(Part service) {
		return this.directory.resolve(service.partName() + ".jsa");
	}

	private Path stampFile(Part service) {
		return this.directory.resolve(service.partName() + ".jsa.stamp");
	}

	private boolean current(Part service, String stamp) {
		try {
			return Files.isRegularFile(archive(service)) && Files.size(archive(service)) > 0
					&& Files.isRegularFile(stampFile(service))
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

}
