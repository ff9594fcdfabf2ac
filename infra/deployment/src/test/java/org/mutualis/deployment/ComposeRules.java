package org.mutualis.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mutualis.deployment.EnvironmentRules.Setting;
import org.mutualis.deployment.EnvironmentRules.Source;

/**
 * The rules {@code infra/compose.yaml} obeys, each answering its violations so that a test can show it failing on a
 * planted bad file.
 */
final class ComposeRules {

	/** The one Dockerfile, relative to the repository root. */
	static final String DOCKERFILE = "infra/docker/Dockerfile";

	private static final Pattern PINNED_TAG = Pattern.compile("[^:@/]+(/[^:@/]+)*(:v?\\d+\\.\\d+\\.\\d+[^:@]*|@sha256:[0-9a-f]{64})");

	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?:[:?-][^}]*)?}");

	private final Path repository;

	private final Map<Service, ServiceConfiguration> configurations;

	ComposeRules(Path repository, Map<Service, ServiceConfiguration> configurations) {
		this.repository = repository;
		this.configurations = configurations;
	}

	/**
	 * @param compose a parsed compose file
	 * @return the violations of every rule
	 */
	List<String> all(Object compose) {
		List<String> violations = new ArrayList<>();
		violations.addAll(pinnedImages(compose));
		violations.addAll(kafkaCluster(compose));
		violations.addAll(mongoReplicaSet(compose));
		violations.addAll(supportingServices(compose));
		violations.addAll(applications(compose));
		violations.addAll(healthChecks(compose));
		violations.addAll(dependencies(compose));
		violations.addAll(memoryLimits(compose));
		violations.addAll(ports(compose));
		violations.addAll(environments(compose));
		violations.addAll(infrastructureAddresses(compose));
		return violations;
	}

	static Map<String, Object> services(Object compose) {
		return Yamls.map(Yamls.at(compose, "services"));
	}

	/** Every image has a version tag (or digest), never {@code latest} or a bare name. */
	List<String> pinnedImages(Object compose) {
		List<String> violations = new ArrayList<>();
		services(compose).forEach((name, definition) -> {
			String image = Yamls.text(Yamls.at(definition, "image"));
			if (image.isEmpty()) {
				violations.add("compose service " + name + " names no image");
			}
			else if (!PINNED_TAG.matcher(image).matches()) {
				violations.add("compose service " + name + " uses image " + image + " without a pinned version tag");
			}
		});
		return violations;
	}

	/** Three KRaft brokers (broker and controller), one cluster id, a quorum naming all three, replication 3, min ISR 2. */
	List<String> kafkaCluster(Object compose) {
		List<String> violations = new ArrayList<>();
		Map<String, Map<String, String>> brokers = new LinkedHashMap<>();
		services(compose).forEach((name, definition) -> {
			if ("apache/kafka".equals(imageRepository(definition))) {
				brokers.put(name, environment(definition));
			}
		});
		if (brokers.size() < 3) {
			violations.add("compose has " + brokers.size() + " apache/kafka brokers, expected 3");
			return violations;
		}
		Set<String> clusterIds = new LinkedHashSet<>();
		Set<String> nodeIds = new LinkedHashSet<>();
		brokers.forEach((name, environment) -> {
			clusterIds.add(environment.getOrDefault("CLUSTER_ID", ""));
			nodeIds.add(environment.getOrDefault("KAFKA_NODE_ID", ""));
			String roles = environment.getOrDefault("KAFKA_PROCESS_ROLES", "");
			if (!roles.contains("broker") || !roles.contains("controller")) {
				violations.add("compose broker " + name + " is not a KRaft broker and controller (KAFKA_PROCESS_ROLES)");
			}
			String voters = environment.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
			for (String broker : brokers.keySet()) {
				if (!voters.contains("@" + broker + ":")) {
					violations.add("compose broker " + name + "'s quorum voters do not name " + broker);
				}
			}
			if (!environment.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").contains("//" + name + ":")) {
				violations.add("compose broker " + name + " does not advertise its own name");
			}
			expect(violations, name, environment, "KAFKA_DEFAULT_REPLICATION_FACTOR", "3");
			expect(violations, name, environment, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
			expect(violations, name, environment, "KAFKA_MIN_INSYNC_REPLICAS", "2");
		});
		if (clusterIds.size() != 1 || clusterIds.contains("")) {
			violations.add("compose brokers do not share one CLUSTER_ID: " + clusterIds);
		}
		if (nodeIds.size() != brokers.size() || nodeIds.contains("")) {
			violations.add("compose brokers do not have distinct KAFKA_NODE_IDs: " + nodeIds);
		}
		return violations;
	}

	private static void expect(List<String> violations, String name, Map<String, String> environment, String key,
			String value) {
		if (!value.equals(environment.get(key))) {
			violations.add("compose broker " + name + " sets " + key + "=" + environment.get(key) + ", expected " + value);
		}
	}

	/** Three mongod members of one replica set, and a one-shot service that initiates it with all three. */
	List<String> mongoReplicaSet(Object compose) {
		List<String> violations = new ArrayList<>();
		Map<String, String> members = new LinkedHashMap<>();
		List<String> initiators = new ArrayList<>();
		services(compose).forEach((name, definition) -> {
			if (!"mongo".equals(imageRepository(definition))) {
				return;
			}
			String command = words(Yamls.at(definition, "command")) + " " + words(Yamls.at(definition, "entrypoint"));
			if (command.contains("mongod ") && command.contains("--replSet")) {
				members.put(name, command.replaceFirst(".*--replSet\\s+(\\S+).*", "$1"));
			}
			else if (command.contains("rs.initiate")) {
				initiators.add(name);
				if (!"no".equals(Yamls.text(Yamls.at(definition, "restart")))) {
					violations.add("compose replica-set initiator " + name + " is not a one-shot (restart: \"no\")");
				}
			}
		});
		if (members.size() < 3) {
			violations.add("compose has " + members.size() + " mongod replica-set members, expected 3");
		}
		if (new LinkedHashSet<>(members.values()).size() > 1) {
			violations.add("compose mongod members are in different replica sets: " + members);
		}
		if (initiators.isEmpty()) {
			violations.add("compose has no service that initiates the replica set (rs.initiate)");
		}
		for (String initiator : initiators) {
			String command = words(Yamls.at(services(compose).get(initiator), "entrypoint")) + " "
					+ words(Yamls.at(services(compose).get(initiator), "command"));
			for (String member : members.keySet()) {
				if (!command.contains("'" + member + ":27017'")) {
					violations.add("compose initiator " + initiator + " does not add member " + member);
				}
			}
		}
		return violations;
	}

	/** Redis (the gateway's shared rate limits) and an SMTP test server. */
	List<String> supportingServices(Object compose) {
		List<String> violations = new ArrayList<>();
		List<String> images = services(compose).values().stream().map(ComposeRules::imageRepository).toList();
		if (!images.contains("redis")) {
			violations.add("compose has no redis service");
		}
		if (!images.contains("axllent/mailpit")) {
			violations.add("compose has no SMTP test server (axllent/mailpit)");
		}
		return violations;
	}

	/**
	 * Every service is there, built from the one Dockerfile with the build argument naming its module, which builds
	 * an executable jar; its image is {@code mutualis/<name>:<project version>}; nothing else is built.
	 */
	List<String> applications(Object compose) {
		List<String> violations = new ArrayList<>();
		Map<String, Object> services = services(compose);
		String version = Modules.projectVersion(this.repository);
		for (Service service : Service.values()) {
			if (!services.containsKey(service.serviceName())) {
				violations.add("compose has no service " + service.serviceName());
			}
		}
		services.forEach((name, definition) -> {
			Object build = Yamls.at(definition, "build");
			if (build == null) {
				return;
			}
			Optional<Service> service = Service.named(name);
			String module = Yamls.text(Yamls.at(build, "args.MODULE"));
			if (service.isEmpty()) {
				violations.add("compose builds " + name + ", which is not a service of the repository");
				return;
			}
			if (!"..".equals(Yamls.text(Yamls.at(build, "context")))
					|| !DOCKERFILE.equals(Yamls.text(Yamls.at(build, "dockerfile")))) {
				violations.add("compose service " + name + " is not built from the repository root with " + DOCKERFILE);
			}
			if (!service.get().module().equals(module)) {
				violations.add("compose service " + name + " builds MODULE=" + module + ", expected "
						+ service.get().module());
			}
			else if (!Modules.executableJar(this.repository, module).equals(Optional.of(name + "-exec.jar"))) {
				violations.add("compose service " + name + ": module " + module + " builds no " + name + "-exec.jar");
			}
			String image = "mutualis/" + name + ":" + version;
			if (!image.equals(Yamls.text(Yamls.at(definition, "image")))) {
				violations.add("compose service " + name + " tags its image "
						+ Yamls.text(Yamls.at(definition, "image")) + ", expected " + image);
			}
		});
		return violations;
	}

	/**
	 * Every long-running service has a health check; a Mutualis service's asks its own port for a health group it
	 * enables.
	 */
	List<String> healthChecks(Object compose) {
		List<String> violations = new ArrayList<>();
		services(compose).forEach((name, definition) -> {
			List<Object> test = Yamls.list(Yamls.at(definition, "healthcheck.test"));
			if ("no".equals(Yamls.text(Yamls.at(definition, "restart")))) {
				return;
			}
			if (test.isEmpty()) {
				violations.add("compose service " + name + " has no health check");
				return;
			}
			Service.named(name).ifPresent((service) -> {
				ServiceConfiguration configuration = this.configurations.get(service);
				List<String> words = test.stream().map(Yamls::text).toList();
				if (!words.contains(String.valueOf(configuration.managementPort()))) {
					violations.add("compose service " + name + "'s health check does not ask port "
							+ configuration.managementPort() + ": " + words);
				}
				if (words.stream().noneMatch(configuration.healthPaths()::contains)) {
					violations.add("compose service " + name + "'s health check asks none of " + name
							+ "'s health endpoints " + configuration.healthPaths() + ": " + words);
				}
			});
		});
		return violations;
	}

	/**
	 * Every dependency waits for its target to be healthy (or, for a one-shot, to have completed), and that target
	 * exists and has a health check.
	 */
	List<String> dependencies(Object compose) {
		List<String> violations = new ArrayList<>();
		Map<String, Object> services = services(compose);
		services.forEach((name, definition) -> {
			Object dependsOn = Yamls.at(definition, "depends_on");
			if (dependsOn instanceof List<?>) {
				violations.add("compose service " + name + " lists depends_on without conditions");
				return;
			}
			Yamls.map(dependsOn).forEach((target, settings) -> {
				String condition = Yamls.text(Yamls.at(settings, "condition"));
				Object targetDefinition = services.get(target);
				if (targetDefinition == null) {
					violations.add("compose service " + name + " depends on " + target + ", which does not exist");
					return;
				}
				boolean oneShot = "no".equals(Yamls.text(Yamls.at(targetDefinition, "restart")));
				String expected = oneShot ? "service_completed_successfully" : "service_healthy";
				if (!expected.equals(condition)) {
					violations.add("compose service " + name + " waits for " + target + " with condition '" + condition
							+ "', expected " + expected);
				}
				if (!oneShot && Yamls.at(targetDefinition, "healthcheck.test") == null) {
					violations.add("compose service " + name + " waits for " + target + " to be healthy, but "
							+ target + " has no health check");
				}
			});
		});
		return violations;
	}

	/** Every service has a memory limit. */
	List<String> memoryLimits(Object compose) {
		List<String> violations = new ArrayList<>();
		services(compose).forEach((name, definition) -> {
			if (Yamls.text(Yamls.at(definition, "deploy.resources.limits.memory")).isEmpty()) {
				violations.add("compose service " + name + " has no memory limit (deploy.resources.limits.memory)");
			}
		});
		return violations;
	}

	/** A Mutualis service exposes or publishes exactly its own {@code server.port}. */
	List<String> ports(Object compose) {
		List<String> violations = new ArrayList<>();
		services(compose).forEach((name, definition) -> Service.named(name).ifPresent((service) -> {
			int port = this.configurations.get(service).serverPort();
			List<String> containerPorts = new ArrayList<>();
			Yamls.list(Yamls.at(definition, "expose")).forEach((entry) -> containerPorts.add(Yamls.text(entry)));
			Yamls.list(Yamls.at(definition, "ports"))
				.forEach((entry) -> containerPorts.add(Yamls.text(entry).replaceFirst("^.*:", "")));
			if (containerPorts.isEmpty()) {
				violations.add("compose service " + name + " exposes no port (its server.port is " + port + ")");
			}
			for (String containerPort : containerPorts) {
				if (!containerPort.equals(String.valueOf(port))) {
					violations.add("compose service " + name + " exposes port " + containerPort + ", but its server.port is "
							+ port);
				}
			}
		}));
		return violations;
	}

	/** Each Mutualis service's environment obeys {@link EnvironmentRules}. */
	List<String> environments(Object compose) {
		List<String> violations = new ArrayList<>();
		services(compose).forEach((name, definition) -> Service.named(name).ifPresent((service) -> {
			Map<String, Setting> settings = new LinkedHashMap<>();
			environment(definition).forEach((variable, value) -> settings.put(variable,
					new Setting(value, INTERPOLATION.matcher(value).matches() ? Source.INTERPOLATED : Source.LITERAL)));
			violations.addAll(EnvironmentRules.check("compose service " + name, service, settings,
					Service::serviceName, (target) -> this.configurations.get(target).serverPort()));
		}));
		return violations;
	}

	/**
	 * The services' infrastructure addresses name compose's own containers: every broker in {@code MUTUALIS_KAFKA}, every
	 * replica-set member and the set's name in {@code MUTUALIS_MONGO}, the Redis in {@code MUTUALIS_REDIS}, the SMTP
	 * server and its SMTP port (Mailpit's 1025) in {@code MUTUALIS_SMTP_*}.
	 */
	List<String> infrastructureAddresses(Object compose) {
		List<String> violations = new ArrayList<>();
		Map<String, Object> services = services(compose);
		Set<String> brokers = new TreeSet<>();
		Map<String, String> members = new LinkedHashMap<>();
		services.forEach((name, definition) -> {
			if ("apache/kafka".equals(imageRepository(definition))) {
				brokers.add(name + ":9092");
			}
			String command = words(Yamls.at(definition, "command"));
			if ("mongo".equals(imageRepository(definition)) && command.contains("--replSet")) {
				members.put(name + ":27017", command.replaceFirst(".*--replSet\\s+(\\S+).*", "$1"));
			}
		});
		services.forEach((name, definition) -> Service.named(name).ifPresent((service) -> {
			Map<String, String> environment = environment(definition);
			String where = "compose service " + name;
			if (environment.containsKey("MUTUALIS_KAFKA")) {
				Set<String> named = new TreeSet<>(List.of(environment.get("MUTUALIS_KAFKA").split("\\s*,\\s*")));
				if (!named.equals(brokers)) {
					violations.add(where + " names the brokers " + named + ", but compose runs " + brokers);
				}
			}
			String mongo = environment.get("MUTUALIS_MONGO");
			if (mongo != null) {
				Matcher uri = Pattern.compile("mongodb://([^/?]+)/?(?:\\?(.*))?").matcher(mongo);
				Set<String> hosts = uri.matches() ? new TreeSet<>(List.of(uri.group(1).split(","))) : Set.of();
				String options = (uri.matches() && uri.group(2) != null) ? uri.group(2) : "";
				if (!hosts.equals(new TreeSet<>(members.keySet()))) {
					violations.add(where + " names the MongoDB hosts " + hosts + ", but compose runs " + members.keySet());
				}
				if (!members.isEmpty() && !("&" + options + "&").contains("&replicaSet=" + members.values().iterator().next() + "&")) {
					violations.add(where + "'s MUTUALIS_MONGO does not name the replica set "
							+ members.values().iterator().next());
				}
			}
			String redis = environment.get("MUTUALIS_REDIS");
			if (redis != null && !"redis".equals(imageRepository(services.get(hostOf(redis))))) {
				violations.add(where + "'s MUTUALIS_REDIS " + redis + " names no redis container");
			}
			String smtp = environment.get("MUTUALIS_SMTP_HOST");
			if (smtp != null && (!"axllent/mailpit".equals(imageRepository(services.get(smtp)))
					|| !"1025".equals(environment.get("MUTUALIS_SMTP_PORT")))) {
				violations.add(where + " sends mail to " + smtp + ":" + environment.get("MUTUALIS_SMTP_PORT")
						+ ", not to Mailpit's SMTP port 1025");
			}
		}));
		return violations;
	}

	private static String hostOf(String url) {
		return url.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
	}

	/**
	 * @param compose a parsed compose file
	 * @return the names of the variables compose requires from the shell or {@code .env} ({@code ${NAME:?message}})
	 */
	static Set<String> requiredInterpolations(Object compose) {
		Set<String> names = new TreeSet<>();
		services(compose).values().forEach((definition) -> environment(definition).values().forEach((value) -> {
			Matcher required = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):\\?").matcher(value);
			while (required.find()) {
				names.add(required.group(1));
			}
		}));
		return names;
	}

	/**
	 * @param definition a compose service
	 * @return its environment, from the map or the list form
	 */
	static Map<String, String> environment(Object definition) {
		Object environment = Yamls.at(definition, "environment");
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof List<?> entries) {
			for (Object entry : entries) {
				String[] parts = Yamls.text(entry).split("=", 2);
				variables.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		else {
			Yamls.map(environment).forEach((key, value) -> variables.put(key, Yamls.text(value)));
		}
		return variables;
	}

	/**
	 * @param definition a compose service
	 * @return its image's repository, without tag or digest
	 */
	private static String imageRepository(Object definition) {
		return Yamls.text(Yamls.at(definition, "image")).replaceFirst("[:@][^/]*$", "");
	}

	/**
	 * @param node a command: a string or a list of words
	 * @return its words joined by spaces
	 */
	private static String words(Object node) {
		if (node instanceof List<?> items) {
			return String.join(" ", items.stream().map(Yamls::text).toList());
		}
		return Yamls.text(node);
	}

}
