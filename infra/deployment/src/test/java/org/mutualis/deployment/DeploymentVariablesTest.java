package org.mutualis.deployment;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeploymentVariable} and the services' configuration agree both ways, and this module's README lists every
 * variable; each rule fails on a planted module.
 */
class DeploymentVariablesTest {

	private static final Path PLANTED = Path.of("src/test/resources/planted/modules").toAbsolutePath();

	private final Path repository = Repository.root();

	@Test
	void theListAndTheServicesConfigurationAgree() {
		assertThat(new VariableRules(Configurations.all()).all()).isEmpty();
	}

	@Test
	void theCodeReallyReadsTheCommonVariables() {
		ServiceConfiguration booking = Configurations.all().get(Service.BOOKING);
		assertThat(booking.variablesRead()).contains("MUTUALIS_KAFKA", "MUTUALIS_MONGO", "MUTUALIS_ISSUER");
		assertThat(booking.serverPort()).isEqualTo(8082);
		assertThat(booking.healthPaths()).contains("/actuator/health/liveness", "/actuator/health/readiness");
	}

	@Test
	void unlistedAndMisplacedPlaceholdersAreFound() {
		VariableRules rules = new VariableRules(withPlanted(Service.BOOKING));
		assertThat(rules.unlistedPlaceholders()).filteredOn((violation) -> violation.startsWith("booking "))
			.containsExactly(
				"booking reads ${MUTUALIS_BOOKING_COLOUR}, which DeploymentVariable does not list as a placeholder");
		assertThat(rules.placeholderReaders()).contains(
				"MUTUALIS_KAFKA is listed for booking, which does not read it",
				"MUTUALIS_NOTIFICATIONS_ADMINISTRATORS is read by booking, which the list omits");
		assertThat(rules.optionalWithoutDefault()).filteredOn((violation) -> violation.startsWith("booking "))
			.containsExactly(
				"booking reads ${MUTUALIS_NOTIFICATIONS_ADMINISTRATORS} without a default, but the list calls it optional");
	}

	@Test
	void aProfileTheServiceDoesNotDefineIsFound() {
		assertThat(new VariableRules(withPlanted(Service.BOOKING)).undefinedProfiles())
			.contains("SPRING_PROFILES_ACTIVE: booking defines no profile production");
	}

	@Test
	void aVariableBoundToAnAbsentPropertyIsFound() {
		assertThat(new VariableRules(withPlanted(Service.GATEWAY)).unboundProperties()).containsExactly(
				"MUTUALIS_GATEWAY_RATELIMIT_STORE: gateway has no property mutualis.gateway.rate-limit.store");
	}

	@Test
	void relaxedBindingNamesAreSpringsOwn() {
		assertThat(ServiceConfiguration.environmentVariableOf("mutualis.identity.signing-keys.encryption-key"))
			.isEqualTo("MUTUALIS_IDENTITY_SIGNINGKEYS_ENCRYPTIONKEY");
	}

	@Test
	void theReadmeListsEveryVariable() {
		String readme = Repository.text(this.repository.resolve("infra/deployment/README.md"));
		for (DeploymentVariable variable : DeploymentVariable.values()) {
			assertThat(readme).as("infra/deployment/README.md names " + variable).contains("`" + variable.name() + "`");
		}
	}

	private Map<Service, ServiceConfiguration> withPlanted(Service service) {
		Map<Service, ServiceConfiguration> configurations = new EnumMap<>(Configurations.all());
		configurations.put(service, ServiceConfiguration.read(PLANTED.resolve(service.serviceName()),
				this.repository.resolve("services/platform"), service));
		return configurations;
	}

}
