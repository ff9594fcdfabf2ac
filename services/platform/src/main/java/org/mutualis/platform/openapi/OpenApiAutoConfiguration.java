package org.mutualis.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.mutualis.platform.security.Actor;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Publishes the service's OpenAPI 3.1 document at {@code /v3/api-docs} (springdoc), completed with the platform's
 * problem answers and bearer scheme, and readable without a token. {@code springdoc.api-docs.enabled=false} turns
 * it off.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class OpenApiAutoConfiguration {

	/** Where springdoc serves the document. */
	public static final String DOCUMENT_PATH = "/v3/api-docs";

	static {
		// the acting person comes from the token, not from the request: not a parameter a caller sends
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI serviceOpenApi(Environment environment) {
		String service = environment.getProperty("spring.application.name", "service");
		return new OpenAPI().info(new Info().title("Mutualis " + service)
			.version("v1")
			.description("""
					The HTTP API of Mutualis' %1$s service. Reached through the gateway (every path below starts \
					with /api/); errors are application/problem+json (schema Problem). \
					/ L’API HTTP du service %1$s de Mutualis, jointe par la passerelle; les erreurs sont en \
					application/problem+json (schéma Problem).""".formatted(service)))
			.servers(List.of(new Server().url("/").description("The gateway / la passerelle")));
	}

	@Bean
	ApiDocumentCustomizer apiDocumentCustomizer(Environment environment) {
		String basenames = environment.getProperty("spring.messages.basename", "messages");
		List<String> publicPaths = Binder.get(environment)
			.bind("mutualis.security.public-paths", Bindable.listOf(String.class))
			.orElse(List.of());
		return new ApiDocumentCustomizer(ProblemCatalogue.read(basenames), publicPaths);
	}

	@Bean
	GlobalOperationCustomizer operationSummaries() {
		return (operation, handler) -> {
			if (operation.getSummary() == null) {
				operation.setSummary(sentence(handler.getMethod().getName()));
			}
			return operation;
		};
	}

	/** "changeRole" → "Change role". */
	static String sentence(String methodName) {
		String words = methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** Lets anyone read the document, before the service's own chains (which would ask for a token or a session). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityFilterChain.class)
	static class DocumentSecurityConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE + 10)
		SecurityFilterChain openApiDocumentSecurity(HttpSecurity http) throws Exception {
			PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
			http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, DOCUMENT_PATH),
					paths.matcher(HttpMethod.GET, DOCUMENT_PATH + "/**"), paths.matcher(HttpMethod.GET, DOCUMENT_PATH + ".yaml")))
				.csrf(AbstractHttpConfigurer::disable)
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(AbstractHttpConfigurer::disable)
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

}
