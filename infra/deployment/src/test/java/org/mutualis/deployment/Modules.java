package org.mutualis.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Maven build says about the modules images are built from.
 */
final class Modules {

	private static final Pattern FINAL_NAME = Pattern.compile("<finalName>([^<]+)</finalName>");

	private static final Pattern PROJECT_VERSION = Pattern.compile("</parent>.*?<version>([^<]+)</version>",
			Pattern.DOTALL);

	private Modules() {
	}

	/**
	 * The executable jar a module's build writes into its {@code target/}: the module repackages with Spring Boot's
	 * plugin, names its jar, and the parent gives repackaged jars the {@code exec} classifier.
	 * @param repository the repository root
	 * @param module a module folder relative to the root
	 * @return the jar's file name, empty when the module builds no executable jar
	 */
	static Optional<String> executableJar(Path repository, String module) {
		Path pom = repository.resolve(module).resolve("pom.xml");
		if (module.isBlank() || !Files.isRegularFile(pom)) {
			return Optional.empty();
		}
		String text = Repository.text(pom);
		Matcher finalName = FINAL_NAME.matcher(text);
		boolean repackaged = text.contains("<artifactId>spring-boot-maven-plugin</artifactId>")
				&& text.contains("<goal>repackage</goal>");
		boolean execClassifier = Repository.text(repository.resolve("pom.xml")).contains("<classifier>exec</classifier>");
		if (!repackaged || !execClassifier || !finalName.find()) {
			return Optional.empty();
		}
		return Optional.of(finalName.group(1).trim() + "-exec.jar");
	}

	/**
	 * @param repository the repository root
	 * @return the project's version (the root pom's own version)
	 */
	static String projectVersion(Path repository) {
		Matcher version = PROJECT_VERSION.matcher(Repository.text(repository.resolve("pom.xml")));
		if (!version.find()) {
			throw new IllegalStateException("no project version in the root pom");
		}
		return version.group(1).trim();
	}

}
