package org.mutualis.platform.production;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.events.TopicsProperties;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code mutualis-defaults.yml} sets locally and in the production profile: topics, logs, metrics and tracing.
 */
class ProductionProfileTest {

	@Test
	void locallyLogsAreReadableWithTheTraceIdAndTopicsKeepTheBrokersReplication() {
		try (ConfigurableApplicationContext context = start()) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("logging.structured.format.console")).isNull();
			assertThat(environment.getProperty("logging.pattern.correlation")).contains("%X{traceId").contains("%X{spanId");
			assertThat(context.getBean(TopicsProperties.class)).isEqualTo(new TopicsProperties(3, null, null));
		}
	}

	@Test
	void inProductionLogsAreJsonAndTopicsAreReplicated() {
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=production",
				"--mutualis.mail.mode=smtp")) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
			assertThat(context.getBean(TopicsProperties.class)).isEqualTo(new TopicsProperties(6, (short) 3, 2));
		}
	}

	@Test
	void everyServiceOffersPrometheusAndTracesKafkaButExportsNothingUnlessAsked() {
		try (ConfigurableApplicationContext context = start()) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("management.endpoints.web.exposure.include")).contains("prometheus");
			assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
			assertThat(environment.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("true");
			assertThat(environment.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
			assertThat(environment.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(Defaults.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=listings", "spring.config.import=classpath:mutualis-defaults.yml",
					"spring.main.banner-mode=off")
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TopicsProperties.class)
	static class Defaults {

	}

}
