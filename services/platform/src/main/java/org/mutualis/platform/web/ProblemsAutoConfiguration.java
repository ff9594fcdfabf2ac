package org.mutualis.platform.web;

import java.time.Instant;
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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
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
	 * A field takes a value of its own JSON type, nothing else: Jackson would read {@code 1} and the text
	 * {@code "true"} as yes, {@code 1.5} as the whole number 1, {@code "2"} as 2, {@code 123} or {@code true} as a
	 * text, {@code 0} as the first value of a list of choices, and {@code 12345} as an instant of 1970. A client sending a count, an id or a form's text
	 * by mistake would then accept prerequisites, book fewer units than it asked, or choose a role, without being
	 * told. Each of these is refused like any value of the wrong format. (Decimal amounts may still come as text,
	 * {@code "12.50"}, a common way to send money exactly.)
	 * @return the customizer of every service's JSON mapper
	 */
	@Bean
	JsonMapperBuilderCustomizer fieldsTakeOnlyTheirOwnType() {
		return (builder) -> builder
			.withCoercionConfig(LogicalType.Boolean, (config) -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer, (config) -> config
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual, (config) -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum, (config) -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.addModule(new SimpleModule("instants-as-text").addDeserializer(Instant.class, new TextualInstants()));
	}

	/** An instant is an ISO-8601 text; Jackson's own deserializer would also read a number as seconds since 1970. */
	static final class TextualInstants extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			return InstantDeserializer.INSTANT.deserialize(parser, context);
		}

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
