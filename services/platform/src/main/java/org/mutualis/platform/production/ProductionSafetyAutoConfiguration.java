package org.mutualis.platform.production;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/** Refuses to start the {@code production} profile with local/demo settings ({@link ProductionSafety}). */
@AutoConfiguration
@Profile(ProductionSafety.PROFILE)
public class ProductionSafetyAutoConfiguration {

	@Bean
	static ProductionSafetyCheck mutualisProductionSafetyCheck(Environment environment) {
		return new ProductionSafetyCheck(environment);
	}

}
