package org.mutualis.identity;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns off Boot's problem-details handler, which (ordered first) would answer bad request bodies before the
 * platform's {@code ProblemAdvice} and lose the stable type, the field errors and the bilingual messages. It is a
 * post-processor because the shared {@code mutualis-defaults.yml} turns that handler on and, being imported, wins
 * over every application file.
 */
class ProblemRenderingSettings implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addFirst(new MapPropertySource("identityProblemRendering",
					Map.of("spring.mvc.problemdetails.enabled", "false")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
