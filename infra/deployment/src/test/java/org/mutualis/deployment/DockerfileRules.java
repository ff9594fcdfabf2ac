package org.mutualis.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules the one Dockerfile obeys: pinned Java 21+ base images, a layered Spring Boot jar from a module's
 * {@code *-exec.jar} started by Boot's launcher, and a non-root user.
 */
final class DockerfileRules {

	/** The layers Spring Boot's default {@code layers.idx} defines, in the order they change least to most. */
	static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

	private static final Pattern JAVA_TAG = Pattern.compile("(\\d+)(?:[._][0-9._]+)?-(jre|jdk)[a-z0-9-]*");

	/** One instruction, its continuation lines joined. */
	record Instruction(String keyword, String arguments) {
	}

	private DockerfileRules() {
	}

	/**
	 * @param text a Dockerfile
	 * @return its instructions, comments dropped and continuation lines joined
	 */
	static List<Instruction> parse(String text) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			boolean continues = trimmed.endsWith("\\");
			current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
			if (!continues) {
				String[] parts = current.toString().strip().split("\\s+", 2);
				instructions.add(new Instruction(parts[0].toUpperCase(), (parts.length > 1) ? parts[1] : ""));
				current.setLength(0);
			}
		}
		return instructions;
	}

	/** @return the violations of every rule */
	static List<String> all(List<Instruction> instructions) {
		List<String> violations = new ArrayList<>();
		violations.addAll(baseImages(instructions));
		violations.addAll(layeredJar(instructions));
		violations.addAll(nonRootUser(instructions));
		return violations;
	}

	/** Every stage starts from a pinned Java 21+ image (JRE or JDK), build arguments resolved. */
	static List<String> baseImages(List<Instruction> instructions) {
		List<String> violations = new ArrayList<>();
		Map<String, String> arguments = new LinkedHashMap<>();
		for (Instruction instruction : instructions) {
			if (instruction.keyword().equals("ARG")) {
				String[] parts = instruction.arguments().split("=", 2);
				arguments.putIfAbsent(parts[0].strip(), (parts.length > 1) ? parts[1].strip() : "");
			}
			else if (instruction.keyword().equals("FROM")) {
				String reference = instruction.arguments().split("\\s+")[0];
				if (reference.startsWith("--platform")) {
					reference = instruction.arguments().split("\\s+")[1];
				}
				Matcher variable = VARIABLE.matcher(reference);
				String image = variable.replaceAll((found) -> Matcher.quoteReplacement(arguments.getOrDefault(found.group(1), "")));
				String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
				Matcher java = JAVA_TAG.matcher(tag);
				if (!java.matches() || !tag.matches(".*\\d+\\.\\d+.*")) {
					violations.add("FROM " + image + " is not a pinned JRE/JDK image (e.g. eclipse-temurin:21.0.8_9-jre-noble)");
				}
				else if (Integer.parseInt(java.group(1)) < 21) {
					violations.add("FROM " + image + " is older than Java 21");
				}
			}
		}
		return violations;
	}

	/**
	 * The module named by {@code ARG MODULE} gives its {@code *-exec.jar}; Boot's tools extract its layers with the
	 * launcher, each layer is copied on its own, and Boot's {@code JarLauncher} starts it.
	 */
	static List<String> layeredJar(List<Instruction> instructions) {
		List<String> violations = new ArrayList<>();
		List<String> arguments = instructions.stream().filter((i) -> i.keyword().equals("ARG")).map(Instruction::arguments).toList();
		if (arguments.stream().noneMatch((argument) -> argument.equals("MODULE") || argument.startsWith("MODULE="))) {
			violations.add("the Dockerfile declares no ARG MODULE");
		}
		List<String> copies = instructions.stream().filter((i) -> i.keyword().equals("COPY")).map(Instruction::arguments).toList();
		if (copies.stream().noneMatch((copy) -> copy.contains("${MODULE}/target/*-exec.jar"))) {
			violations.add("the Dockerfile copies no ${MODULE}/target/*-exec.jar");
		}
		boolean extracts = instructions.stream()
			.anyMatch((i) -> i.keyword().equals("RUN") && i.arguments().contains("-Djarmode=tools")
					&& i.arguments().contains(" extract") && i.arguments().contains("--layers")
					&& i.arguments().contains("--launcher"));
		if (!extracts) {
			violations.add("the Dockerfile does not extract the jar's layers with the launcher"
					+ " (java -Djarmode=tools -jar ... extract --layers --launcher)");
		}
		for (String layer : LAYERS) {
			if (copies.stream().noneMatch((copy) -> copy.contains("--from=") && copy.contains("/" + layer + "/"))) {
				violations.add("the Dockerfile does not copy the layer " + layer + " on its own");
			}
		}
		String entrypoint = instructions.stream().filter((i) -> i.keyword().equals("ENTRYPOINT"))
			.map(Instruction::arguments).reduce((first, last) -> last).orElse("");
		if (!entrypoint.contains("org.springframework.boot.loader.launch.JarLauncher")) {
			violations.add("the Dockerfile's ENTRYPOINT does not start Boot's JarLauncher: " + entrypoint);
		}
		return violations;
	}

	/** The final stage runs as a user that is not root. */
	static List<String> nonRootUser(List<Instruction> instructions) {
		String user = "";
		for (Instruction instruction : instructions) {
			if (instruction.keyword().equals("FROM")) {
				user = "";
			}
			else if (instruction.keyword().equals("USER")) {
				user = instruction.arguments().strip();
			}
		}
		String name = user.split(":")[0];
		if (name.isEmpty() || name.equals("root") || name.equals("0")) {
			return List.of("the image runs as root (USER " + (user.isEmpty() ? "unset" : user) + ")");
		}
		return List.of();
	}

	/**
	 * @param instructions the Dockerfile
	 * @return the paths the final stage copies files to
	 */
	static List<String> copiedFiles(List<Instruction> instructions) {
		List<String> destinations = new ArrayList<>();
		for (Instruction instruction : instructions) {
			if (instruction.keyword().equals("FROM")) {
				destinations.clear();
			}
			else if (instruction.keyword().equals("COPY")) {
				String[] words = instruction.arguments().split("\\s+");
				destinations.add(words[words.length - 1]);
			}
		}
		return destinations;
	}

}
