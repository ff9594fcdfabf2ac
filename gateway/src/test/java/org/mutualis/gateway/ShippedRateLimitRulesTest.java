package org.mutualis.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.gateway.ratelimit.RateLimitProperties;
import org.mutualis.gateway.ratelimit.RateLimitProperties.StrictRule;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strict rules the gateway ships with (its application.yml), read as the gateway binds them: each way into a
 * sensitive call shares one budget, so that going through the web application's form is no way around the API's.
 */
class ShippedRateLimitRulesTest {

	@Test
	void webRegistrationFormSharesTheRegistrationBudgetPerManagerEmail() throws Exception {
		List<StrictRule> registration = shipped().strict()
			.stream()
			.filter((rule) -> rule.name().equals("registration"))
			.toList();

		assertThat(registration).extracting(StrictRule::path)
			.containsExactlyInAnyOrder("/api/identity/organisations", "/inscription");
		assertThat(registration).allSatisfy((rule) -> {
			assertThat(rule.method()).isEqualTo(HttpMethod.POST);
			assertThat(rule.perTarget()).isNotNull();
			assertThat(rule.perTarget().fields()).containsExactly("manager.email");
		});
		assertThat(registration).extracting(StrictRule::requests).containsOnly(registration.get(0).requests());
	}

	private static RateLimitProperties shipped() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("gateway",
				new ClassPathResource("application.yml"))) {
			environment.getPropertySources().addLast(source);
		}
		return Binder.get(environment).bind("mutualis.gateway.rate-limit", RateLimitProperties.class).get();
	}

}
