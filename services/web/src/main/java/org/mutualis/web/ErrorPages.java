package org.mutualis.web;

import org.mutualis.platform.web.Problems;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * People get error pages, not problem+json: web leaves out the platform's {@code ProblemAdvice} (see
 * {@code spring.autoconfigure.exclude}), so that Boot renders {@code templates/error/<status>.html} in the person's
 * language. The platform's security handlers still need the problem builder, which is declared here.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

	@Bean
	Problems problems(MessageSource messages) {
		return new Problems(messages);
	}

}
