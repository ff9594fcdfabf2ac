package org.mutualis.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.mutualis.deployment.KubernetesRules.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of {@code infra/k8s} parse and obey every {@link KubernetesRules} rule; each rule fails on the planted
 * bad manifests of {@code src/test/resources/planted/k8s}.
 */
class KubernetesManifestsTest {

	private static final Path PLANTED = Path.of("src/test/resources/planted/k8s").toAbsolutePath();

	private final Path repository = Repository.root();

	private final Path folder = this.repository.resolve("infra/k8s");

	private final KubernetesRules rules = new KubernetesRules(this.repository, Configurations.all());

	private final List<Manifest> manifests = KubernetesRules.load(this.folder);

	private final List<Manifest> planted = KubernetesRules.load(PLANTED);

	@Test
	void manifestsParseIntoEveryKindExpected() {
		assertThat(this.manifests).extracting(Manifest::kind)
			.contains("Namespace", "ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget",
					"HorizontalPodAutoscaler", "Ingress");
		assertThat(this.manifests).filteredOn((manifest) -> manifest.kind().equals("Deployment")).hasSize(6);
	}

	@Test
	void manifestsObeyEveryRule() {
		assertThat(this.rules.all(this.folder, this.manifests)).isEmpty();
	}

	@Test
	void theSecretTemplateHoldsWhatComposeAsksOfEnvFile() {
		Object compose = Repository.yamlDocuments(this.repository.resolve("infra/compose.yaml")).getFirst();
		Set<String> envExample = new TreeSet<>();
		for (String line : Repository.text(this.repository.resolve("infra/deployment/env.example")).split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				assertThat(line).as("env.example gives no value").endsWith("=");
				envExample.add(line.substring(0, line.indexOf('=')));
			}
		}
		Set<String> templateKeys = new TreeSet<>();
		this.manifests.stream()
			.filter((manifest) -> manifest.kind().equals("Secret"))
			.forEach((secret) -> templateKeys.addAll(Yamls.map(secret.at("stringData")).keySet()));
		assertThat(envExample).isEqualTo(ComposeRules.requiredInterpolations(compose));
		assertThat(templateKeys).containsAll(envExample);
	}

	@Test
	void manifestsWithoutNameAreFound() {
		assertThat(this.rules.wellFormed(this.planted)).containsExactly("extra.yaml: a manifest without metadata.name");
	}

	@Test
	void aKustomizationThatMissesOrInventsFilesIsFound() {
		assertThat(this.rules.kustomization(PLANTED)).containsExactlyInAnyOrder(
				"kustomization.yaml lists missing.yaml, which does not exist",
				"kustomization.yaml applies the template secrets.template.yaml (its empty values would replace the real Secret)",
				"kustomization.yaml does not list extra.yaml");
	}

	@Test
	void badDeploymentsAreFound() {
		String booking = "Deployment booking (bad.yaml)";
		assertThat(this.rules.deployments(this.planted)).contains("no Deployment identity",
				"Deployment search (bad.yaml) is not a service of the repository",
				booking + " runs 1 replica(s), at least 2 expected",
				booking + "'s selector {app=booking} does not match its pod labels",
				booking + " runs image mutualis/booking:latest, expected mutualis/booking:"
						+ Modules.projectVersion(this.repository),
				booking + " declares no container port 8082 (its server.port)",
				booking + " sets no resources.limits.memory",
				booking + "'s readinessProbe asks port 9999, not the actuator's 8082",
				booking + " has no preStop pause (endpoints must drop the pod before it stops)",
				booking + "'s terminationGracePeriodSeconds (10) is shorter than its preStop (0 s) and the graceful shutdown (30 s)",
				booking + " does not require a non-root user (securityContext.runAsNonRoot)",
				booking + " does not forbid privilege escalation",
				booking + " is scraped at /metrics, not /actuator/prometheus",
				booking + " is scraped on port 9999, not the actuator's 8082")
			.anyMatch((violation) -> violation.startsWith(booking + "'s livenessProbe asks /actuator/health, which is not"))
			.anyMatch((violation) -> violation.startsWith(booking + "'s livenessProbe asks port http, not the actuator's"));
	}

	@Test
	void environmentsThatDoNotMatchTheCodeAreFound() {
		String booking = "Deployment booking (bad.yaml)";
		assertThat(this.rules.environments(this.planted)).contains(
				booking + " uses envFrom: name each variable it reads instead",
				booking + " reads MUTUALIS_KAFKA from ConfigMap mutualis-config key KAFKA, which does not exist",
				booking + " reads MUTUALIS_MONGO from Secret mutualis-secrets key MONGO, which no Secret template lists",
				booking + " sets MUTUALIS_WEB_CLIENT_SECRET, which booking does not read",
				booking + " lacks MUTUALIS_ISSUER (" + DeploymentVariable.MUTUALIS_ISSUER.meaning() + ")");
	}

	@Test
	void servicesAndBudgetsSelectingNothingAreFound() {
		assertThat(this.rules.services(this.planted)).contains("Service booking (bad.yaml) selects no Deployment's pods",
				"Service search (bad.yaml)'s target port http is no container port of Deployment search (bad.yaml)",
				"Deployment booking (bad.yaml) has no Service");
		assertThat(this.rules.disruptionBudgets(this.planted)).contains(
				"PodDisruptionBudget booking (bad.yaml) selects no Deployment's pods",
				"PodDisruptionBudget booking (bad.yaml) sets neither minAvailable nor maxUnavailable",
				"Deployment search (bad.yaml) has no PodDisruptionBudget");
	}

	@Test
	void autoscalersWithoutTargetOrRoomAreFound() {
		String listings = "HorizontalPodAutoscaler listings (bad.yaml)";
		assertThat(this.rules.autoscalers(this.planted)).containsExactlyInAnyOrder(
				listings + " scales listing, which is no Deployment here",
				listings + " scales between 1 and 1: at least 2, and room above", listings + " names no metric",
				"no HorizontalPodAutoscaler for gateway", "no HorizontalPodAutoscaler for listings",
				"no HorizontalPodAutoscaler for booking");
	}

	@Test
	void anIngressPastTheGatewayIsFound() {
		assertThat(this.rules.ingress(this.planted))
			.containsExactly("Ingress gateway (bad.yaml) sends / to web:8084, not to the gateway's Service");
	}

	@Test
	void secretsWithValuesAndSecretsInConfigMapsAreFound() {
		assertThat(this.rules.secrets(this.planted))
			.containsExactly("Secret mutualis-secrets (secrets.template.yaml) carries a value for MUTUALIS_WEB_CLIENT_SECRET");
		assertThat(this.rules.configMaps(this.planted)).containsExactlyInAnyOrder(
				"ConfigMap mutualis-config (bad.yaml) holds the secret MUTUALIS_WEB_CLIENT_SECRET",
				"ConfigMap mutualis-config (bad.yaml) holds MUTUALIS_COLOUR, which is not in DeploymentVariable");
	}

}
