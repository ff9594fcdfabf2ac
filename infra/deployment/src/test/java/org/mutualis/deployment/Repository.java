package org.mutualis.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository these checks read: its root, its text and its YAML files.
 */
final class Repository {

	private Repository() {
	}

	/**
	 * The repository's root: the nearest folder above the working directory holding {@code mvnw} and {@code services}.
	 * @return the root folder
	 */
	static Path root() {
		for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
			if (Files.isRegularFile(folder.resolve("mvnw")) && Files.isDirectory(folder.resolve("services"))) {
				return folder;
			}
		}
		throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
	}

	/**
	 * Reads a text file.
	 * @param file the file
	 * @return its text
	 */
	static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Parses every YAML document of a file, refusing duplicate keys and any type tag (safe constructor).
	 * @param file a YAML file
	 * @return its documents, in order (an empty document is {@code null})
	 */
	static List<Object> yamlDocuments(Path file) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		List<Object> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(options)).loadAll(text(file))) {
			documents.add(document);
		}
		return documents;
	}

	/**
	 * The files under a folder whose names end as given, sorted.
	 * @param folder a folder (absent = none)
	 * @param suffixes accepted endings of the file name
	 * @return the files
	 */
	static List<Path> files(Path folder, String... suffixes) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (var walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).filter((file) -> {
				String name = file.getFileName().toString();
				for (String suffix : suffixes) {
					if (name.endsWith(suffix)) {
						return true;
					}
				}
				return false;
			}).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
