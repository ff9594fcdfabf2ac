package org.mutualis.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A whole gateway on a random port in front of the fake upstreams; subclasses share one application context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mutualis.gateway.rate-limit.authenticated.requests=5",
				"mutualis.gateway.rate-limit.strict[0].name=login",
				"mutualis.gateway.rate-limit.strict[0].method=POST",
				"mutualis.gateway.rate-limit.strict[0].path=/auth/login",
				"mutualis.gateway.rate-limit.strict[0].requests=3", "mutualis.gateway.rate-limit.strict[0].per=1m",
				"mutualis.gateway.cors-allowed-origins=https://partner.example" })
abstract class GatewayTestSupport {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		FakeUpstreams.get().properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	WebTestClient client() {
		// WebTestClient's 5 s default was too short in CI for the first call of a context on a loaded 2-core machine
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(java.time.Duration.ofSeconds(30))
			.build();
	}

}
