package org.mutualis.identity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSecretsTest {

	@Test
	void theCommittedDemoSecretsAreAcceptedOnlyInTheLocalMode() {
		IdentityProperties defaults = properties(java.util.Map.of());
		assertThatCode(() -> ClientSecrets.requireReal(defaults.clients(), new DeploymentMode(true))).doesNotThrowAnyException();
		assertThatThrownBy(() -> ClientSecrets.requireReal(defaults.clients(), new DeploymentMode(false)))
			.hasMessageContaining("mutualis.identity.clients.web.secret");
	}

	@Test
	void shortSecretsAreRefusedAndLongOnesAcceptedOutsideTheLocalMode() {
		IdentityProperties weak = properties(java.util.Map.of("mutualis.identity.clients.web.secret", "court",
				"mutualis.identity.clients.services.secret", "un-secret-de-services-assez-long-2026"));
		assertThatThrownBy(() -> ClientSecrets.requireReal(weak.clients(), new DeploymentMode(false)))
			.hasMessageContaining("mutualis.identity.clients.web.secret");
		IdentityProperties strong = properties(java.util.Map.of("mutualis.identity.clients.web.secret",
				"un-secret-web-vraiment-long-2026", "mutualis.identity.clients.services.secret",
				"un-secret-de-services-assez-long-2026"));
		assertThatCode(() -> ClientSecrets.requireReal(strong.clients(), new DeploymentMode(false)))
			.doesNotThrowAnyException();
	}

	private static IdentityProperties properties(java.util.Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("mutualis.identity",
				IdentityProperties.class);
	}

}
