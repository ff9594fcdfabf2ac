package org.mutualis.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the root of the Mutualis repository. */
final class Repository {

	private Repository() {
	}

	/**
	 * Walks up from the working directory to the first directory holding {@code infra/local/pom.xml}.
	 * @return that directory, or the working directory if there is none
	 */
	static Path find() {
		Path start = Path.of("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("infra").resolve("local").resolve("pom.xml"))) {
				return dir;
			}
		}
		return start;
	}

}
