package org.mutualis.identity;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.token.server.SigningKeys;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two successive instances on the same database sign with the same key: tokens survive a restart. The private keys
 * are stored encrypted with the configured key-encryption key, and a new key-encryption key (the old one kept as
 * previous) re-encrypts them at start.
 */
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

	@Test
	void privateKeysAreStoredEncryptedAndSurviveARotationOfTheEncryptionKey() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String database = infrastructure.freshMongoDatabaseUri("identity-sealed");
		String first;
		String stored;
		try (ConfigurableApplicationContext context = start(infrastructure, database)) {
			first = context.getBean(SigningKeys.class).activeKeyId();
			stored = rawKeys(context);
		}
		assertThat(stored).doesNotContain("\"d\"", "\"p\"", "\"q\"").contains(first);
		String rotated = "--mutualis.identity.signing-keys.encryption-key=bm91dmVsbGUtY2xlLWRlLWNoaWZmcmVtZW50LTMyb2M=";
		String previous = "--mutualis.identity.signing-keys.previous-encryption-keys=dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";
		try (ConfigurableApplicationContext context = start(infrastructure, database, rotated, previous)) {
			assertThat(context.getBean(SigningKeys.class).activeKeyId()).isEqualTo(first);
			assertThat(rawKeys(context)).isNotEqualTo(stored).doesNotContain("\"d\"");
		}
		try (ConfigurableApplicationContext context = start(infrastructure, database, rotated)) {
			assertThat(context.getBean(SigningKeys.class).activeKeyId()).as("re-encrypted: the old key is not needed")
				.isEqualTo(first);
		}
	}

	private static String rawKeys(ConfigurableApplicationContext context) {
		return context.getBean(MongoTemplate.class)
			.getCollection("signing_keys")
			.find()
			.into(new java.util.ArrayList<>())
			.toString();
	}

	private static ConfigurableApplicationContext start(TestInfrastructure infrastructure, String database,
			String... more) {
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
				"--spring.mongodb.uri=" + database, TestInfrastructure.databaseArgument(database),
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--mutualis.demo.enabled=false"));
		args.addAll(java.util.List.of(more));
		return new SpringApplicationBuilder(IdentityApplication.class).run(args.toArray(String[]::new));
	}

}
