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
		TestPropertyValues
			.of("spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
					"spring.mongodb.uri=" + infrastructure.freshMongoDatabaseUri(name),
					"spring.kafka.consumer.group-id=" + name + "-" + java.util.UUID.randomUUID())
			.applyTo(context);
	}

}
