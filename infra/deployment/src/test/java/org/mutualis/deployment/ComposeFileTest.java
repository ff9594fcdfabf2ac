package org.mutualis.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code infra/compose.yaml} parses and obeys every {@link ComposeRules} rule; each rule fails on a planted bad file.
 */
class ComposeFileTest {

	private final Path repository = Repository.root();

	private final ComposeRules rules = new ComposeRules(this.repository, Configurations.all());

	private final Object compose = single(this.repository.resolve("infra/compose.yaml"));

	@Test
	void composeFileParsesIntoServices() {
		assertThat(ComposeRules.services(this.compose)).containsKeys("kafka-1", "mongo-1", "redis", "mailpit", "gateway");
	}

	@Test
	void composeFileObeysEveryRule() {
		assertThat(this.rules.all(this.compose)).isEmpty();
	}

	@Test
	void aKeyGivenTwiceIsRefused() {
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> planted("duplicate-key.yaml"));
	}

	@Test
	void unpinnedImagesAreFound() {
		assertThat(this.rules.pinnedImages(planted("infrastructure.yaml"))).containsExactlyInAnyOrder(
				"compose service kafka-1 uses image apache/kafka:latest without a pinned version tag",
				"compose service mongo-1 uses image mongo:8.0 without a pinned version tag",
				"compose service redis uses image redis without a pinned version tag");
	}

	@Test
	void anIncompleteKafkaClusterIsFound() {
		List<String> violations = this.rules.kafkaCluster(planted("infrastructure.yaml"));
		assertThat(violations).containsExactly("compose has 2 apache/kafka brokers, expected 3");
		Object threeBrokers = planted("infrastructure.yaml");
		assertThat(this.rules.kafkaCluster(withThirdBroker(threeBrokers))).contains(
				"compose broker kafka-1 is not a KRaft broker and controller (KAFKA_PROCESS_ROLES)",
				"compose broker kafka-1's quorum voters do not name kafka-2",
				"compose broker kafka-2 does not advertise its own name",
				"compose broker kafka-1 sets KAFKA_DEFAULT_REPLICATION_FACTOR=1, expected 3",
				"compose broker kafka-1 sets KAFKA_MIN_INSYNC_REPLICAS=1, expected 2",
				"compose brokers do not share one CLUSTER_ID: [one, two]");
	}

	@Test
	void aReplicaSetWithoutInitiatorIsFound() {
		assertThat(this.rules.mongoReplicaSet(planted("infrastructure.yaml"))).containsExactlyInAnyOrder(
				"compose has 2 mongod replica-set members, expected 3",
				"compose mongod members are in different replica sets: {mongo-1=rs0, mongo-2=rs1}",
				"compose has no service that initiates the replica set (rs.initiate)");
	}

	@Test
	void aMissingSmtpServerIsFound() {
		assertThat(this.rules.supportingServices(planted("infrastructure.yaml")))
			.containsExactly("compose has no SMTP test server (axllent/mailpit)");
	}

	@Test
	void aMissingMemoryLimitIsFound() {
		assertThat(this.rules.memoryLimits(planted("infrastructure.yaml")))
			.containsExactly("compose service redis has no memory limit (deploy.resources.limits.memory)");
	}

	@Test
	void wrongModulesImagesAndMissingServicesAreFound() {
		assertThat(this.rules.applications(planted("applications.yaml"))).contains(
				"compose has no service identity", "compose has no service gateway",
				"compose service booking builds MODULE=services/listings, expected services/booking",
				"compose builds search, which is not a service of the repository",
				"compose service listings is not built from the repository root with infra/docker/Dockerfile",
				"compose service listings tags its image mutualis/listings:latest, expected mutualis/listings:"
						+ Modules.projectVersion(this.repository));
	}

	@Test
	void healthChecksOnTheWrongPortOrPathAreFound() {
		assertThat(this.rules.healthChecks(planted("applications.yaml"))).contains(
				"compose service booking has no health check",
				"compose service listings's health check does not ask port 8081: [CMD, /app/healthcheck, 8080, /actuator/health/startup]")
			.anyMatch((violation) -> violation.startsWith("compose service listings's health check asks none of"));
	}

	@Test
	void dependenciesThatDoNotWaitForHealthAreFound() {
		assertThat(this.rules.dependencies(planted("applications.yaml"))).containsExactlyInAnyOrder(
				"compose service booking waits for listings with condition 'service_started', expected service_healthy",
				"compose service booking depends on kafka, which does not exist",
				"compose service listings lists depends_on without conditions");
	}

	@Test
	void portsOtherThanTheServerPortAreFound() {
		assertThat(this.rules.ports(planted("applications.yaml")))
			.containsExactly("compose service booking exposes port 8080, but its server.port is 8082");
	}

	@Test
	void environmentsThatDoNotMatchTheCodeAreFound() {
		assertThat(this.rules.environments(planted("environments.yaml"))).containsExactlyInAnyOrder(
				"compose service booking sets MUTUALIS_SMTP_HOST, which booking does not read",
				"compose service booking sets MUTUALIS_BOOKING_COLOUR, which is not in DeploymentVariable (no configuration reads it)",
				"compose service booking lacks MUTUALIS_KAFKA (" + DeploymentVariable.MUTUALIS_KAFKA.meaning() + ")",
				"compose service web sets SPRING_PROFILES_ACTIVE=demo, expected production",
				"compose service web sets MUTUALIS_LISTINGS_URL to http://listings:9999, but listings is at listings:8081",
				"compose service web gives the secret MUTUALIS_WEB_CLIENT_SECRET as LITERAL (a Secret or ${...} from the environment only)");
	}

	@Test
	void addressesOfContainersComposeDoesNotRunAreFound() {
		assertThat(this.rules.infrastructureAddresses(planted("addresses.yaml"))).containsExactlyInAnyOrder(
				"compose service identity names the brokers [kafka-1:9092, kafka-9:9092], but compose runs [kafka-1:9092, kafka-2:9092]",
				"compose service identity names the MongoDB hosts [mongo-1:27017, mongo-7:27017], but compose runs [mongo-1:27017, mongo-2:27017]",
				"compose service identity's MUTUALIS_MONGO does not name the replica set rs0",
				"compose service identity's MUTUALIS_REDIS redis://mailpit:6379 names no redis container",
				"compose service identity sends mail to mailpit:8025, not to Mailpit's SMTP port 1025");
	}

	private static Object withThirdBroker(Object compose) {
		@SuppressWarnings("unchecked")
		var services = (Map<String, Object>) ((Map<String, Object>) compose).get("services");
		services.put("kafka-3", services.get("kafka-2"));
		return compose;
	}

	private Object planted(String name) {
		return single(Path.of("src/test/resources/planted/compose").resolve(name).toAbsolutePath());
	}

	private static Object single(Path file) {
		List<Object> documents = Repository.yamlDocuments(file);
		assertThat(documents).as(file + " holds one document").hasSize(1);
		return documents.getFirst();
	}

}
