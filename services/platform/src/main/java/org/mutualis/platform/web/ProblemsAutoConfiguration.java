package org.mutualis.platform.web;

import java.util.List;

import org.mutualis.platform.security.ActorArgumentResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers problem rendering and the {@link org.mutualis.platform.security.Actor} parameter in servlet services. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Problems problems(MessageSource messageSource) {
		return new Problems(messageSource);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemAdvice problemAdvice(Problems problems) {
		return new ProblemAdvice(problems);
	}

	@Bean
	WebMvcConfigurer actorResolverConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new ActorArgumentResolver());
			}
		};
	}

}
