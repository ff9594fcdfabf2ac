package org.mutualis.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.mutualis.local.JarLocator;
import org.mutualis.local.Part;

import static org.awaitility.Awaitility.await;

/**
 * The copies of the services' executable jars a test stack starts from, so that a build rewriting a jar in the
 * repository meanwhile (another engineer's, or the next CI step's) cannot break a start or a restart.
 */
final class JarCopies {

	private JarCopies() {
	}

	/**
	 * Copies the executable jars of the parts, each once it reads as a whole zip (not mid-build).
	 * @param repository the repository whose {@code services/<name>/target} hold the built jars
	 * @param into the directory of the copies, created if needed
	 * @param parts the services to copy
	 * @return a locator of the copies, for {@code LocalStack.Builder.jarLocator}
	 */
	static JarLocator copy(Path repository, Path into, List<Part> parts) {
		JarLocator built = JarLocator.inRepository(repository);
		try {
			Files.createDirectories(into);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Part part : parts) {
			Path copy = into.resolve(part.partName() + "-exec.jar");
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
				try {
					Files.copy(built.jarOf(part), copy, StandardCopyOption.REPLACE_EXISTING);
					try (ZipFile zip = new ZipFile(copy.toFile())) {
						return zip.size() > 0;
					}
				}
				catch (IOException ex) {
					// being written by a build right now: copy it again in a moment
					return false;
				}
			});
		}
		return (part) -> into.resolve(part.partName() + "-exec.jar");
	}

	/**
	 * Deletes the copies (hundreds of MB); the stack's logs beside them stay for reading.
	 * @param into the directory of the copies
	 */
	static void delete(Path into) {
		if (!Files.isDirectory(into)) {
			return;
		}
		try (Stream<Path> jars = Files.list(into)) {
			for (Path jar : jars.toList()) {
				Files.deleteIfExists(jar);
			}
		}
		catch (IOException ex) {
			System.out.println("could not delete the copied jars: " + ex);
		}
	}

}
