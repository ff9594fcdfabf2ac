package org.mutualis.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mutualis.deployment.EnvironmentRules.Setting;
import org.mutualis.deployment.EnvironmentRules.Source;

/**
 * The rules the manifests of {@code infra/k8s} obey, each answering its violations so that a test can show it
 * failing on a planted bad manifest.
 */
final class KubernetesRules {

	/** Spring Boot's graceful shutdown waits up to this long per phase ({@code spring.lifecycle.timeout-per-shutdown-phase}). */
	static final int SHUTDOWN_PHASE_SECONDS = 30;

	/** Services whose load varies with use: they scale horizontally. */
	static final Set<Service> AUTOSCALED = Set.of(Service.GATEWAY, Service.LISTINGS, Service.BOOKING);

	/** One parsed manifest and the file it came from. */
	record Manifest(String file, Map<String, Object> body) {

		String kind() {
			return Yamls.text(this.body.get("kind"));
		}

		String name() {
			return Yamls.text(Yamls.at(this.body, "metadata.name"));
		}

		Object at(String path) {
			return Yamls.at(this.body, path);
		}

		@Override
		public String toString() {
			return kind() + " " + name() + " (" + this.file + ")";
		}

	}

	private final Path repository;

	private final Map<Service, ServiceConfiguration> configurations;

	KubernetesRules(Path repository, Map<Service, ServiceConfiguration> configurations) {
		this.repository = repository;
		this.configurations = configurations;
	}

	/**
	 * Parses every manifest of a folder (its {@code kustomization.yaml} aside).
	 * @param folder a folder of manifests
	 * @return every document of every {@code .yaml} file, in file order
	 */
	static List<Manifest> load(Path folder) {
		List<Manifest> manifests = new ArrayList<>();
		for (Path file : Repository.files(folder, ".yaml", ".yml")) {
			if (file.getFileName().toString().equals("kustomization.yaml")) {
				continue;
			}
			for (Object document : Repository.yamlDocuments(file)) {
				if (document != null) {
					manifests.add(new Manifest(folder.relativize(file).toString(), Yamls.map(document)));
				}
			}
		}
		return manifests;
	}

	/** @return the violations of every rule */
	List<String> all(Path folder, List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		violations.addAll(wellFormed(manifests));
		violations.addAll(kustomization(folder));
		violations.addAll(deployments(manifests));
		violations.addAll(environments(manifests));
		violations.addAll(services(manifests));
		violations.addAll(disruptionBudgets(manifests));
		violations.addAll(autoscalers(manifests));
		violations.addAll(ingress(manifests));
		violations.addAll(secrets(manifests));
		violations.addAll(configMaps(manifests));
		return violations;
	}

	/** Every manifest names its API version, kind and name. */
	List<String> wellFormed(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest manifest : manifests) {
			for (String field : List.of("apiVersion", "kind", "metadata.name")) {
				if (Yamls.text(manifest.at(field)).isEmpty()) {
					violations.add(manifest.file() + ": a manifest without " + field);
				}
			}
		}
		return violations;
	}

	/** The kustomization lists every manifest file and only existing ones; Secret templates are never applied. */
	List<String> kustomization(Path folder) {
		List<String> violations = new ArrayList<>();
		Path file = folder.resolve("kustomization.yaml");
		if (!Files.isRegularFile(file)) {
			return List.of("no kustomization.yaml in " + folder.getFileName());
		}
		List<String> resources = Yamls.list(Yamls.at(Repository.yamlDocuments(file).getFirst(), "resources"))
			.stream()
			.map(Yamls::text)
			.toList();
		for (String resource : resources) {
			if (!Files.isRegularFile(folder.resolve(resource))) {
				violations.add("kustomization.yaml lists " + resource + ", which does not exist");
			}
			if (resource.endsWith(".template.yaml")) {
				violations.add("kustomization.yaml applies the template " + resource + " (its empty values would"
						+ " replace the real Secret)");
			}
		}
		for (Path manifest : Repository.files(folder, ".yaml", ".yml")) {
			String name = folder.relativize(manifest).toString();
			if (!name.equals("kustomization.yaml") && !name.endsWith(".template.yaml") && !resources.contains(name)) {
				violations.add("kustomization.yaml does not list " + name);
			}
		}
		return violations;
	}

	/**
	 * One Deployment per service with at least 2 replicas, matching selector, the service's image and port, resource
	 * requests and limits, liveness and readiness probes on the actuator groups the service enables, a preStop pause
	 * and a grace period covering it and the graceful shutdown, and a non-root security context.
	 */
	List<String> deployments(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		String version = Modules.projectVersion(this.repository);
		for (Service service : Service.values()) {
			if (deployment(manifests, service).isEmpty()) {
				violations.add("no Deployment " + service.serviceName());
			}
		}
		for (Manifest deployment : ofKind(manifests, "Deployment")) {
			String where = deployment.toString();
			Optional<Service> service = Service.named(deployment.name());
			if (service.isEmpty()) {
				violations.add(where + " is not a service of the repository");
				continue;
			}
			ServiceConfiguration configuration = this.configurations.get(service.get());
			int replicas = Integer.parseInt(Yamls.text(deployment.at("spec.replicas")).isEmpty() ? "1"
					: Yamls.text(deployment.at("spec.replicas")));
			if (replicas < 2) {
				violations.add(where + " runs " + replicas + " replica(s), at least 2 expected");
			}
			Map<String, Object> selector = Yamls.map(deployment.at("spec.selector.matchLabels"));
			if (selector.isEmpty() || !matches(selector, Yamls.map(deployment.at("spec.template.metadata.labels")))) {
				violations.add(where + "'s selector " + selector + " does not match its pod labels");
			}
			List<Object> containers = Yamls.list(deployment.at("spec.template.spec.containers"));
			if (containers.size() != 1) {
				violations.add(where + " has " + containers.size() + " containers, expected 1");
				continue;
			}
			Object container = containers.getFirst();
			String image = "mutualis/" + service.get().serviceName() + ":" + version;
			if (!image.equals(Yamls.text(Yamls.at(container, "image")))) {
				violations.add(where + " runs image " + Yamls.text(Yamls.at(container, "image")) + ", expected " + image);
			}
			if (containerPort(container, configuration.serverPort()).isEmpty()) {
				violations.add(where + " declares no container port " + configuration.serverPort()
						+ " (its server.port)");
			}
			for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
				if (Yamls.text(Yamls.at(container, "resources." + resource)).isEmpty()) {
					violations.add(where + " sets no resources." + resource);
				}
			}
			probe(where, container, "livenessProbe", "/liveness", configuration, violations);
			probe(where, container, "readinessProbe", "/readiness", configuration, violations);
			if (Yamls.at(container, "startupProbe") != null) {
				probe(where, container, "startupProbe", "/liveness", configuration, violations);
			}
			int pause = preStopSeconds(container);
			if (pause <= 0) {
				violations.add(where + " has no preStop pause (endpoints must drop the pod before it stops)");
			}
			String grace = Yamls.text(deployment.at("spec.template.spec.terminationGracePeriodSeconds"));
			if (grace.isEmpty() || Integer.parseInt(grace) < pause + SHUTDOWN_PHASE_SECONDS) {
				violations.add(where + "'s terminationGracePeriodSeconds (" + grace + ") is shorter than its preStop ("
						+ pause + " s) and the graceful shutdown (" + SHUTDOWN_PHASE_SECONDS + " s)");
			}
			boolean nonRoot = "true".equals(Yamls.text(deployment.at("spec.template.spec.securityContext.runAsNonRoot")))
					|| "true".equals(Yamls.text(Yamls.at(container, "securityContext.runAsNonRoot")));
			if (!nonRoot) {
				violations.add(where + " does not require a non-root user (securityContext.runAsNonRoot)");
			}
			if (!"false".equals(Yamls.text(Yamls.at(container, "securityContext.allowPrivilegeEscalation")))) {
				violations.add(where + " does not forbid privilege escalation");
			}
			scraping(where, deployment, configuration, violations);
		}
		return violations;
	}

	private static void probe(String where, Object container, String probe, String group,
			ServiceConfiguration configuration, List<String> violations) {
		String path = Yamls.text(Yamls.at(container, probe + ".httpGet.path"));
		if (path.isEmpty()) {
			violations.add(where + " has no HTTP " + probe);
			return;
		}
		if (!path.endsWith(group) || !configuration.healthPaths().contains(path)) {
			violations.add(where + "'s " + probe + " asks " + path + ", which is not " + configuration.service().serviceName()
					+ "'s " + group.substring(1) + " group (it serves " + configuration.healthPaths() + ")");
		}
		Object port = Yamls.at(container, probe + ".httpGet.port");
		Optional<Integer> number = resolvePort(container, port);
		if (number.isEmpty() || number.get() != configuration.managementPort()) {
			violations.add(where + "'s " + probe + " asks port " + Yamls.text(port) + ", not the actuator's "
					+ configuration.managementPort());
		}
	}

	/** Prometheus annotations, where present, name the service's exposed {@code prometheus} endpoint and port. */
	private static void scraping(String where, Manifest deployment, ServiceConfiguration configuration,
			List<String> violations) {
		Map<String, Object> annotations = Yamls.map(deployment.at("spec.template.metadata.annotations"));
		if (!annotations.containsKey("prometheus.io/scrape")) {
			return;
		}
		String expected = configuration.actuatorBasePath() + "/prometheus";
		if (!configuration.exposedEndpoints().contains("prometheus")) {
			violations.add(where + " is scraped, but " + configuration.service().serviceName()
					+ " exposes no prometheus endpoint (it exposes " + configuration.exposedEndpoints() + ")");
		}
		if (!expected.equals(Yamls.text(annotations.get("prometheus.io/path")))) {
			violations.add(where + " is scraped at " + Yamls.text(annotations.get("prometheus.io/path")) + ", not "
					+ expected);
		}
		if (!String.valueOf(configuration.managementPort()).equals(Yamls.text(annotations.get("prometheus.io/port")))) {
			violations.add(where + " is scraped on port " + Yamls.text(annotations.get("prometheus.io/port"))
					+ ", not the actuator's " + configuration.managementPort());
		}
	}

	private static int preStopSeconds(Object container) {
		List<Object> command = Yamls.list(Yamls.at(container, "lifecycle.preStop.exec.command"));
		if (command.size() == 2 && "sleep".equals(Yamls.text(command.getFirst()))) {
			return Integer.parseInt(Yamls.text(command.get(1)));
		}
		String seconds = Yamls.text(Yamls.at(container, "lifecycle.preStop.sleep.seconds"));
		return seconds.isEmpty() ? 0 : Integer.parseInt(seconds);
	}

	/**
	 * Each Deployment's environment obeys {@link EnvironmentRules}; its ConfigMap and Secret references name keys that
	 * exist (a Secret's in its template).
	 */
	List<String> environments(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest deployment : ofKind(manifests, "Deployment")) {
			Optional<Service> service = Service.named(deployment.name());
			if (service.isEmpty()) {
				continue;
			}
			Map<String, Setting> settings = new LinkedHashMap<>();
			for (Object container : Yamls.list(deployment.at("spec.template.spec.containers"))) {
				if (Yamls.at(container, "envFrom") != null) {
					violations.add(deployment + " uses envFrom: name each variable it reads instead");
				}
				for (Object variable : Yamls.list(Yamls.at(container, "env"))) {
					String name = Yamls.text(Yamls.at(variable, "name"));
					Object configRef = Yamls.at(variable, "valueFrom.configMapKeyRef");
					Object secretRef = Yamls.at(variable, "valueFrom.secretKeyRef");
					if (configRef != null) {
						Optional<String> value = key(manifests, "ConfigMap", configRef);
						if (value.isEmpty()) {
							violations.add(deployment + " reads " + name + " from ConfigMap " + Yamls.text(Yamls.at(configRef, "name"))
									+ " key " + Yamls.text(Yamls.at(configRef, "key")) + ", which does not exist");
						}
						settings.put(name, new Setting(value.orElse(""), Source.CONFIG_MAP));
					}
					else if (secretRef != null) {
						if (key(manifests, "Secret", secretRef).isEmpty()) {
							violations.add(deployment + " reads " + name + " from Secret " + Yamls.text(Yamls.at(secretRef, "name"))
									+ " key " + Yamls.text(Yamls.at(secretRef, "key")) + ", which no Secret template lists");
						}
						settings.put(name, new Setting("", Source.SECRET));
					}
					else {
						settings.put(name, new Setting(Yamls.text(Yamls.at(variable, "value")), Source.LITERAL));
					}
				}
			}
			violations.addAll(EnvironmentRules.check(deployment.toString(), service.get(), settings,
					(target) -> serviceFor(manifests, target).map(Manifest::name).orElse("?"),
					(target) -> serviceFor(manifests, target).map(KubernetesRules::firstPort).orElse(-1)));
		}
		return violations;
	}

	private static Optional<String> key(List<Manifest> manifests, String kind, Object reference) {
		String name = Yamls.text(Yamls.at(reference, "name"));
		String key = Yamls.text(Yamls.at(reference, "key"));
		for (Manifest manifest : ofKind(manifests, kind)) {
			if (manifest.name().equals(name)) {
				for (String field : List.of("data", "stringData")) {
					Map<String, Object> entries = Yamls.map(manifest.at(field));
					if (entries.containsKey(key)) {
						return Optional.of(Yamls.text(entries.get(key)));
					}
				}
			}
		}
		return Optional.empty();
	}

	/** Every Deployment has a Service selecting its pods, whose target port is one of its container ports. */
	List<String> services(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest service : ofKind(manifests, "Service")) {
			Optional<Manifest> target = selected(manifests, Yamls.map(service.at("spec.selector")));
			if (target.isEmpty()) {
				violations.add(service + " selects no Deployment's pods");
				continue;
			}
			Object container = Yamls.list(target.get().at("spec.template.spec.containers")).stream().findFirst().orElse(null);
			for (Object port : Yamls.list(service.at("spec.ports"))) {
				Object targetPort = Yamls.at(port, "targetPort");
				if (resolvePort(container, (targetPort != null) ? targetPort : Yamls.at(port, "port")).isEmpty()) {
					violations.add(service + "'s target port " + Yamls.text(targetPort) + " is no container port of "
							+ target.get());
				}
			}
		}
		for (Manifest deployment : ofKind(manifests, "Deployment")) {
			Map<String, Object> labels = Yamls.map(deployment.at("spec.template.metadata.labels"));
			if (ofKind(manifests, "Service").stream()
				.noneMatch((service) -> matches(Yamls.map(service.at("spec.selector")), labels))) {
				violations.add(deployment + " has no Service");
			}
		}
		return violations;
	}

	/** Every Deployment has a PodDisruptionBudget selecting its pods, with a minimum or a maximum. */
	List<String> disruptionBudgets(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest budget : ofKind(manifests, "PodDisruptionBudget")) {
			if (selected(manifests, Yamls.map(budget.at("spec.selector.matchLabels"))).isEmpty()) {
				violations.add(budget + " selects no Deployment's pods");
			}
			if (budget.at("spec.minAvailable") == null && budget.at("spec.maxUnavailable") == null) {
				violations.add(budget + " sets neither minAvailable nor maxUnavailable");
			}
		}
		for (Manifest deployment : ofKind(manifests, "Deployment")) {
			Map<String, Object> labels = Yamls.map(deployment.at("spec.template.metadata.labels"));
			if (ofKind(manifests, "PodDisruptionBudget").stream()
				.noneMatch((budget) -> matches(Yamls.map(budget.at("spec.selector.matchLabels")), labels))) {
				violations.add(deployment + " has no PodDisruptionBudget");
			}
		}
		return violations;
	}

	/** The gateway, listings and booking scale on CPU between at least 2 replicas and more; targets exist. */
	List<String> autoscalers(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest autoscaler : ofKind(manifests, "HorizontalPodAutoscaler")) {
			String target = Yamls.text(autoscaler.at("spec.scaleTargetRef.name"));
			if (!"Deployment".equals(Yamls.text(autoscaler.at("spec.scaleTargetRef.kind")))
					|| ofKind(manifests, "Deployment").stream().noneMatch((d) -> d.name().equals(target))) {
				violations.add(autoscaler + " scales " + target + ", which is no Deployment here");
			}
			String min = Yamls.text(autoscaler.at("spec.minReplicas"));
			String max = Yamls.text(autoscaler.at("spec.maxReplicas"));
			if (min.isEmpty() || Integer.parseInt(min) < 2 || max.isEmpty() || Integer.parseInt(max) <= Integer.parseInt(min)) {
				violations.add(autoscaler + " scales between " + min + " and " + max + ": at least 2, and room above");
			}
			if (Yamls.list(autoscaler.at("spec.metrics")).isEmpty()) {
				violations.add(autoscaler + " names no metric");
			}
		}
		for (Service service : AUTOSCALED) {
			if (ofKind(manifests, "HorizontalPodAutoscaler").stream()
				.noneMatch((a) -> service.serviceName().equals(Yamls.text(a.at("spec.scaleTargetRef.name"))))) {
				violations.add("no HorizontalPodAutoscaler for " + service.serviceName());
			}
		}
		return violations;
	}

	/** An Ingress sends traffic to the gateway's Service, on its port, and to nothing else. */
	List<String> ingress(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		List<Manifest> ingresses = ofKind(manifests, "Ingress");
		if (ingresses.isEmpty()) {
			violations.add("no Ingress");
		}
		Optional<Manifest> gateway = serviceFor(manifests, Service.GATEWAY);
		for (Manifest ingress : ingresses) {
			for (Object rule : Yamls.list(ingress.at("spec.rules"))) {
				for (Object path : Yamls.list(Yamls.at(rule, "http.paths"))) {
					String name = Yamls.text(Yamls.at(path, "backend.service.name"));
					String port = Yamls.text(Yamls.at(path, "backend.service.port.number"));
					if (gateway.isEmpty() || !gateway.get().name().equals(name)
							|| !port.equals(String.valueOf(firstPort(gateway.get())))) {
						violations.add(ingress + " sends " + Yamls.text(Yamls.at(path, "path")) + " to " + name + ":" + port
								+ ", not to the gateway's Service");
					}
				}
			}
		}
		return violations;
	}

	/** No Secret carries a value: they are templates. */
	List<String> secrets(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest secret : ofKind(manifests, "Secret")) {
			for (String field : List.of("data", "stringData")) {
				Yamls.map(secret.at(field)).forEach((key, value) -> {
					if (!Yamls.text(value).isEmpty()) {
						violations.add(secret + " carries a value for " + key);
					}
				});
			}
		}
		return violations;
	}

	/** ConfigMap keys are listed variables, never secrets. */
	List<String> configMaps(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest configMap : ofKind(manifests, "ConfigMap")) {
			Yamls.map(configMap.at("data")).keySet().forEach((key) -> {
				DeploymentVariable variable = DeploymentVariable.named(key);
				if (variable == null) {
					violations.add(configMap + " holds " + key + ", which is not in DeploymentVariable");
				}
				else if (variable.secret()) {
					violations.add(configMap + " holds the secret " + key);
				}
			});
		}
		return violations;
	}

	private static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
		return manifests.stream().filter((manifest) -> manifest.kind().equals(kind)).toList();
	}

	private static Optional<Manifest> deployment(List<Manifest> manifests, Service service) {
		return ofKind(manifests, "Deployment").stream().filter((d) -> d.name().equals(service.serviceName())).findFirst();
	}

	private static Optional<Manifest> selected(List<Manifest> manifests, Map<String, Object> selector) {
		if (selector.isEmpty()) {
			return Optional.empty();
		}
		return ofKind(manifests, "Deployment").stream()
			.filter((d) -> matches(selector, Yamls.map(d.at("spec.template.metadata.labels"))))
			.findFirst();
	}

	private static Optional<Manifest> serviceFor(List<Manifest> manifests, Service service) {
		Optional<Manifest> deployment = deployment(manifests, service);
		if (deployment.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> labels = Yamls.map(deployment.get().at("spec.template.metadata.labels"));
		return ofKind(manifests, "Service").stream()
			.filter((s) -> matches(Yamls.map(s.at("spec.selector")), labels))
			.findFirst();
	}

	private static int firstPort(Manifest service) {
		return Yamls.list(service.at("spec.ports")).stream()
			.map((port) -> Yamls.text(Yamls.at(port, "port")))
			.filter((port) -> !port.isEmpty())
			.map(Integer::parseInt)
			.findFirst()
			.orElse(-1);
	}

	private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
		return !selector.isEmpty() && selector.entrySet()
			.stream()
			.allMatch((entry) -> Yamls.text(entry.getValue()).equals(Yamls.text(labels.get(entry.getKey()))));
	}

	private static Optional<Integer> containerPort(Object container, int port) {
		return Yamls.list(Yamls.at(container, "ports")).stream()
			.map((entry) -> Yamls.text(Yamls.at(entry, "containerPort")))
			.filter((declared) -> declared.equals(String.valueOf(port)))
			.map(Integer::parseInt)
			.findFirst();
	}

	/** A port given by number or by the name of one of the container's ports. */
	private static Optional<Integer> resolvePort(Object container, Object port) {
		String text = Yamls.text(port);
		for (Object entry : Yamls.list(Yamls.at(container, "ports"))) {
			String number = Yamls.text(Yamls.at(entry, "containerPort"));
			if (text.equals(number) || text.equals(Yamls.text(Yamls.at(entry, "name")))) {
				return Optional.of(Integer.parseInt(number));
			}
		}
		return Optional.empty();
	}

}
