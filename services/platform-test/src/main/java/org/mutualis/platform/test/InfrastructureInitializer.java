package org.mutualis.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test application context at the shared {@link TestInfrastructure}, with a database of its own. */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String name = context.getEnvironment().getProperty("spring.application.name", "test");
		String store = infrastructure.freshMongoDatabaseUri(name);
		TestPropertyValues
			.of("spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
					// the database is named apart from the URI (spring.mongodb.database), so both are set
					"spring.mongodb.uri=" + store, TestInfrastructure.databaseArgument(store).substring(2),
					"spring.kafka.consumer.group-id=" + name + "-" + java.util.UUID.randomUUID())
			.applyTo(context);
	}

}
