package org.mutualis.platform.web;

import java.util.List;

import org.mutualis.platform.security.ActorArgumentResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

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

	/**
	 * A yes/no field takes the JSON values {@code true} or {@code false}, nothing else: Jackson would read {@code 1}
	 * and the text {@code "true"} as yes, so a client sending a count, an id or a form's text by mistake would accept
	 * prerequisites or consent without saying so. A number or a text there is refused like any value of the wrong
	 * format.
	 * @return the customizer of every service's JSON mapper
	 */
	@Bean
	JsonMapperBuilderCustomizer yesNoFieldsTakeOnlyTrueOrFalse() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Boolean, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
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
