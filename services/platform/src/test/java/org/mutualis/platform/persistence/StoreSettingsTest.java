package org.mutualis.platform.persistence;

import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The MongoDB client as {@code mutualis-defaults.yml} configures it: the connection string from {@code MUTUALIS_MONGO}
 * is used as it is (a replica-set URI with options works), the database is the application's name, and the production
 * profile acknowledges writes and reads at majority. No server is needed: the client connects lazily.
 */
class StoreSettingsTest {

	private static final String REPLICA_SET = "mongodb://mutualis:s3cret@127.0.0.1:27101,127.0.0.1:27102/"
			+ "?replicaSet=rs0&authSource=admin";

	@Test
	void aReplicaSetUriWithOptionsIsKeptIntactAndTheDatabaseIsTheApplicationName() {
		try (ConfigurableApplicationContext context = start("--MUTUALIS_MONGO=" + REPLICA_SET)) {
			MongoClientSettings settings = context.getBean(Captured.class).settings.get();
			assertThat(settings.getClusterSettings().getRequiredReplicaSetName()).isEqualTo("rs0");
			assertThat(settings.getClusterSettings().getHosts()).containsExactly(new ServerAddress("127.0.0.1", 27101),
					new ServerAddress("127.0.0.1", 27102));
			assertThat(settings.getCredential()).isNotNull();
			assertThat(settings.getCredential().getSource()).isEqualTo("admin");
			assertThat(settings.getCredential().getUserName()).isEqualTo("mutualis");
			assertThat(context.getBean(MongoDatabaseFactory.class).getMongoDatabase().getName()).isEqualTo("booking");
			assertThat(settings.getWriteConcern()).as("local default").isEqualTo(WriteConcern.ACKNOWLEDGED);
			assertThat(settings.getReadConcern()).as("local default: the embedded store has no majority")
				.isEqualTo(ReadConcern.DEFAULT);
		}
	}

	@Test
	void theProductionProfileWritesAndReadsAtMajority() {
		try (ConfigurableApplicationContext context = start("--MUTUALIS_MONGO=" + REPLICA_SET,
				"--spring.profiles.active=production")) {
			MongoClientSettings settings = context.getBean(Captured.class).settings.get();
			assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
			assertThat(settings.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
			assertThat(settings.getClusterSettings().getRequiredReplicaSetName()).isEqualTo("rs0");
		}
	}

	@Test
	void theConcernsAreConfigurable() {
		try (ConfigurableApplicationContext context = start("--mutualis.store.write-concern=2",
				"--mutualis.store.read-concern=local")) {
			MongoClientSettings settings = context.getBean(Captured.class).settings.get();
			assertThat(settings.getWriteConcern()).isEqualTo(new WriteConcern(2));
			assertThat(settings.getReadConcern()).isEqualTo(ReadConcern.LOCAL);
			assertThat(context.getBean(MongoDatabaseFactory.class).getMongoDatabase().getName()).isEqualTo("booking");
		}
	}

	@Test
	void anUnknownConcernIsNamedInTheError() {
		assertThatIllegalArgumentException().isThrownBy(() -> StoreConsistency.writeConcern("most"))
			.withMessageContaining("mutualis.store.write-concern");
		assertThatIllegalArgumentException().isThrownBy(() -> StoreConsistency.readConcern("eventually"))
			.withMessageContaining("mutualis.store.read-concern");
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(Store.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=booking", "spring.config.import=classpath:mutualis-defaults.yml",
					"spring.main.banner-mode=off")
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ StoreAutoConfiguration.class, MongoAutoConfiguration.class,
			DataMongoAutoConfiguration.class })
	static class Store {

		@Bean
		Captured captured() {
			return new Captured();
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		MongoClientSettingsBuilderCustomizer capture(Captured captured) {
			return (builder) -> captured.settings.set(builder.build());
		}

	}

	static final class Captured {

		final AtomicReference<MongoClientSettings> settings = new AtomicReference<>();

	}

}
