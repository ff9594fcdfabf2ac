package org.mutualis.identity;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.token.server.SigningKeys;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Two successive instances on the same database sign with the same key: tokens survive a restart. */
class SigningKeyPersistenceIT {

	@Test
	void aRestartedServiceServesTheSameKey() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String database = infrastructure.freshMongoDatabaseUri("identity-keys");
		String first;
		try (ConfigurableApplicationContext context = start(infrastructure, database)) {
			first = context.getBean(SigningKeys.class).activeKeyId();
		}
		try (ConfigurableApplicationContext context = start(infrastructure, database)) {
			SigningKeys keys = context.getBean(SigningKeys.class);
			assertThat(keys.activeKeyId()).isEqualTo(first);
			assertThat(keys.publicKeys()).hasSize(1);
		}
	}

	private static ConfigurableApplicationContext start(TestInfrastructure infrastructure, String database) {
		return new SpringApplicationBuilder(IdentityApplication.class).run("--server.port=0",
				"--spring.mongodb.uri=" + database,
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--mutualis.demo.enabled=false");
	}

}
