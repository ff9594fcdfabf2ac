package org.mutualis.identity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local/demo mode identity does not start with the committed demo client secrets (or none), so that a
 * deployment that forgets them cannot be entered with anyone's client-credentials token.
 */
class DemoSecretsRefusedIT {

	@Test
	void refusesToStartWithTheDemoServicesSecret() {
		assertThatThrownBy(() -> start("--mutualis.identity.clients.services.secret=mutualis-services-demo-secret"))
			.hasStackTraceContaining("mutualis.identity.clients.services.secret");
	}

	@Test
	void refusesToStartWithTheDemoWebSecret() {
		assertThatThrownBy(() -> start("--mutualis.identity.clients.web.secret=mutualis-web-demo-secret"))
			.hasStackTraceContaining("mutualis.identity.clients.web.secret");
	}

	private static void start(String secret) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String store = infrastructure.freshMongoDatabaseUri("identity-secrets");
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--spring.mongodb.uri=" + store, TestInfrastructure.databaseArgument(store),
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--mutualis.demo.enabled=false", "--mutualis.mail.mode=smtp", secret));
		new SpringApplicationBuilder(IdentityApplication.class).run(args.toArray(String[]::new)).close();
	}

}
