package org.mutualis.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service's own configuration says, read from the repository's sources: its {@code application*.yml} files
 * (with the files they import, the platform's {@code mutualis-defaults.yml} among them), the {@code ${VARIABLE}}
 * placeholders of those files and of its Java sources, and its {@code @ConfigurationProperties} classes.
 */
final class ServiceConfiguration {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

	private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

	private static final Pattern PROPERTIES_CLASS = Pattern
		.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"");

	private static final Pattern APPLICATION_FILE = Pattern.compile("application(?:-([a-z0-9]+))?\\.ya?ml");

	/** One YAML document of the configuration: its properties, flattened, and the profile it is limited to. */
	record Document(Path source, String profile, Map<String, Object> properties) {
	}

	private final Service service;

	private final List<Document> documents = new ArrayList<>();

	/** variable → whether every reference to it has a default */
	private final Map<String, Boolean> placeholders = new TreeMap<>();

	/** prefix → source text of the class bound to it */
	private final Map<String, List<String>> propertiesClasses = new LinkedHashMap<>();

	private ServiceConfiguration(Service service) {
		this.service = service;
	}

	/**
	 * Reads one service's configuration from the repository.
	 * @param repository the repository root
	 * @param service the service
	 * @return its configuration
	 */
	static ServiceConfiguration read(Path repository, Service service) {
		return read(repository.resolve(service.module()), repository.resolve("services/platform"), service);
	}

	/**
	 * Reads one service's configuration from a module folder.
	 * @param module the module's folder
	 * @param platform the platform module's folder, read too when the module depends on it
	 * @param service the service the module builds
	 * @return its configuration
	 */
	static ServiceConfiguration read(Path module, Path platform, Service service) {
		ServiceConfiguration configuration = new ServiceConfiguration(service);
		List<Path> resourceRoots = new ArrayList<>(List.of(module.resolve("src/main/resources")));
		List<Path> sourceRoots = new ArrayList<>(List.of(module.resolve("src/main/java")));
		if (Repository.text(module.resolve("pom.xml")).contains("<artifactId>platform</artifactId>")) {
			resourceRoots.add(platform.resolve("src/main/resources"));
			sourceRoots.add(platform.resolve("src/main/java"));
		}
		configuration.readResources(resourceRoots);
		for (Path root : sourceRoots) {
			for (Path source : Repository.files(root, ".java")) {
				configuration.readSource(Repository.text(source));
			}
		}
		return configuration;
	}

	private record Pending(Path file, String profile) {
	}

	private void readResources(List<Path> roots) {
		Deque<Pending> pending = new ArrayDeque<>();
		for (Path file : Repository.files(roots.getFirst(), ".yml", ".yaml")) {
			Matcher name = APPLICATION_FILE.matcher(file.getFileName().toString());
			if (name.matches()) {
				pending.add(new Pending(file, (name.group(1) != null) ? name.group(1) : ""));
			}
		}
		Set<Path> seen = new LinkedHashSet<>();
		while (!pending.isEmpty()) {
			Pending next = pending.removeFirst();
			if (!seen.add(next.file())) {
				continue;
			}
			for (Object tree : Repository.yamlDocuments(next.file())) {
				Map<String, Object> properties = new TreeMap<>();
				Yamls.flatten("", tree, properties);
				String profile = Yamls.text(properties.get("spring.config.activate.on-profile"));
				this.documents.add(new Document(next.file(), profile.isEmpty() ? next.profile() : profile, properties));
				collectPlaceholders(tree);
				for (String imported : imports(properties.get("spring.config.import"))) {
					for (Path root : roots) {
						Path candidate = root.resolve(imported);
						if (Files.isRegularFile(candidate)) {
							pending.add(new Pending(candidate, next.profile()));
							// Spring also imports the profile variants (name-<profile>.yml) of an imported file
							String base = candidate.getFileName().toString().replaceFirst("\\.ya?ml$", "");
							for (Path variant : Repository.files(candidate.getParent(), ".yml", ".yaml")) {
								Matcher variantName = Pattern.compile(Pattern.quote(base) + "-([a-z0-9]+)\\.ya?ml")
									.matcher(variant.getFileName().toString());
								if (variantName.matches()) {
									pending.add(new Pending(variant, variantName.group(1)));
								}
							}
						}
					}
				}
			}
		}
	}

	private static List<String> imports(Object node) {
		List<String> names = new ArrayList<>();
		List<Object> items = (node instanceof List<?>) ? Yamls.list(node) : List.of(Yamls.text(node).split(","));
		for (Object item : items) {
			String name = Yamls.text(item).trim().replaceFirst("^optional:", "").replaceFirst("^classpath\\*?:", "");
			name = name.replaceFirst("^/", "");
			if (!name.isEmpty()) {
				names.add(name);
			}
		}
		return names;
	}

	private void collectPlaceholders(Object node) {
		if (node instanceof Map<?, ?> map) {
			map.values().forEach(this::collectPlaceholders);
		}
		else if (node instanceof List<?> items) {
			items.forEach(this::collectPlaceholders);
		}
		else if (node instanceof String text) {
			collectPlaceholders(text);
		}
	}

	private void collectPlaceholders(String text) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			boolean hasDefault = !matcher.group(2).isEmpty();
			this.placeholders.merge(matcher.group(1), hasDefault, Boolean::logicalAnd);
		}
	}

	private void readSource(String source) {
		Matcher literal = STRING_LITERAL.matcher(source);
		while (literal.find()) {
			collectPlaceholders(literal.group());
		}
		Matcher bound = PROPERTIES_CLASS.matcher(source);
		while (bound.find()) {
			this.propertiesClasses.computeIfAbsent(bound.group(1), (prefix) -> new ArrayList<>()).add(source);
		}
	}

	/** @return the service */
	Service service() {
		return this.service;
	}

	/** @return the documents read, in reading order */
	List<Document> documents() {
		return List.copyOf(this.documents);
	}

	/** @return every environment variable a {@code ${...}} placeholder of this service reads */
	Set<String> variablesRead() {
		return new TreeSet<>(this.placeholders.keySet());
	}

	/**
	 * @param variable an environment variable
	 * @return whether some placeholder reads it without a default (the service cannot start without it)
	 */
	boolean readsWithoutDefault(String variable) {
		return Boolean.FALSE.equals(this.placeholders.get(variable));
	}

	/**
	 * The value of a property in the documents that apply without a profile (the last one read wins, as an imported
	 * file overrides the file importing it).
	 * @param property a property name
	 * @return its value
	 */
	Optional<Object> property(String property) {
		Object value = null;
		for (Document document : this.documents) {
			if (document.profile().isEmpty() && document.properties().containsKey(property)) {
				value = document.properties().get(property);
			}
		}
		return Optional.ofNullable(value);
	}

	/** @return the HTTP port ({@code server.port}) */
	int serverPort() {
		return Integer.parseInt(Yamls.text(property("server.port")
			.orElseThrow(() -> new IllegalStateException(this.service + " has no server.port"))));
	}

	/**
	 * The value of a property when a profile is active: the documents of that profile override the others, in the
	 * order read.
	 * @param property a property name
	 * @param profile the active profile
	 * @return its value
	 */
	Optional<Object> property(String property, String profile) {
		Object value = property(property).orElse(null);
		for (Document document : this.documents) {
			if (document.profile().equals(profile) && document.properties().containsKey(property)) {
				value = document.properties().get(property);
			}
		}
		return Optional.ofNullable(value);
	}

	/**
	 * @return the port of the actuator endpoints in a deployment, which runs the {@code production} profile
	 * ({@code management.server.port}, else {@code server.port})
	 */
	int managementPort() {
		return property("management.server.port", "production").map(Yamls::text)
			.map(Integer::parseInt)
			.orElse(serverPort());
	}

	/** @return every profile some document or file of this service is limited to */
	Set<String> profiles() {
		Set<String> profiles = new TreeSet<>();
		for (Document document : this.documents) {
			if (!document.profile().isEmpty()) {
				profiles.addAll(List.of(document.profile().split("\\s*[,|&!()]\\s*")));
			}
		}
		profiles.remove("");
		return profiles;
	}

	/** @return the actuator's base path ({@code management.endpoints.web.base-path}, else {@code /actuator}) */
	String actuatorBasePath() {
		return property("management.endpoints.web.base-path").map(Yamls::text).orElse("/actuator");
	}

	/** @return the actuator endpoints exposed over HTTP ({@code management.endpoints.web.exposure.include}) */
	Set<String> exposedEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (String endpoint : Yamls.text(property("management.endpoints.web.exposure.include").orElse("health"))
			.split(",")) {
			endpoints.add(endpoint.strip());
		}
		return endpoints;
	}

	/**
	 * The health paths this service answers: {@code <base>/health}, its probe groups {@code liveness} and
	 * {@code readiness} when probes are enabled, and every group it declares.
	 * @return the paths
	 */
	Set<String> healthPaths() {
		String base = actuatorBasePath();
		Set<String> paths = new TreeSet<>();
		if (!exposedEndpoints().contains("health") && !exposedEndpoints().contains("*")) {
			return paths;
		}
		paths.add(base + "/health");
		if (Boolean.parseBoolean(Yamls.text(property("management.endpoint.health.probes.enabled").orElse("false")))) {
			paths.add(base + "/health/liveness");
			paths.add(base + "/health/readiness");
		}
		for (Document document : this.documents) {
			if (document.profile().isEmpty()) {
				for (String key : document.properties().keySet()) {
					if (key.startsWith("management.endpoint.health.group.")) {
						paths.add(base + "/health/" + key.split("\\.")[4]);
					}
				}
			}
		}
		return paths;
	}

	/**
	 * Whether this service's configuration knows a property: a file sets it (or something under it), or a
	 * {@code @ConfigurationProperties} class binds it (each part of the name, in camel case, is a name in that class).
	 * @param property a property name in kebab case
	 * @return whether setting it changes something
	 */
	boolean binds(String property) {
		for (Document document : this.documents) {
			for (String key : document.properties().keySet()) {
				if (key.equals(property) || key.startsWith(property + ".") || key.startsWith(property + "[")) {
					return true;
				}
			}
		}
		for (Map.Entry<String, List<String>> bound : this.propertiesClasses.entrySet()) {
			if (property.startsWith(bound.getKey() + ".")) {
				String[] rest = property.substring(bound.getKey().length() + 1).split("\\.");
				for (String source : bound.getValue()) {
					if (Arrays.stream(rest)
						.allMatch((part) -> Pattern.compile("\\b" + camelCase(part) + "\\b").matcher(source).find())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * The environment variable Spring's relaxed binding maps to a property.
	 * @param property a property name in kebab case
	 * @return e.g. {@code MUTUALIS_GATEWAY_RATELIMIT_STORE} for {@code mutualis.gateway.rate-limit.store}
	 */
	static String environmentVariableOf(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

	private static String camelCase(String kebab) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
