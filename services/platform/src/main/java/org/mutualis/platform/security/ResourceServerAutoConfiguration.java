package org.mutualis.platform.security;

import java.time.Instant;
import java.util.Objects;

import org.mutualis.platform.web.Problems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a servlet service a stateless OAuth2 resource server: every API call needs a valid bearer token except
 * the configured public paths and the health probes; failures answer with problem details. A service that
 * needs another arrangement (identity, web) sets {@code mutualis.security.resource-server=false} and declares
 * its own chains.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		ManagementWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemSecurityHandlers problemSecurityHandlers(Problems problems, JsonMapper mapper, LocaleResolver localeResolver) {
		return new ProblemSecurityHandlers(problems, mapper, localeResolver);
	}

	/**
	 * No observation around each security filter, authentication and authorisation. With
	 * {@code management.observations.enable.spring.security=false} alone, Spring Security still wrapped each of the
	 * chain's filters in an observation that the predicate then discarded, on every request; this setting leaves the
	 * filters unwrapped. The request's own observation (its trace, its {@code http.server.requests} timer) stays.
	 * @return settings with no security observation
	 */
	@Bean
	@ConditionalOnMissingBean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Refuses a token that never expires: Spring's timestamp check accepts a token without {@code exp}, and such a
	 * token, once stolen, would work forever.
	 * @return the validator, added by Boot to the decoder's issuer, audience and time checks
	 */
	@Bean
	OAuth2TokenValidator<Jwt> expiryRequired() {
		return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
	}

	/**
	 * Verifies each access token once and then only checks its lifetime and the revocations again at each of its
	 * requests ({@link VerifiedTokens}), whatever decoder the service has (Boot's, or its own).
	 * @param revocations the revocation check, where the service has one
	 * @return the post-processor that wraps the service's {@link JwtDecoder}
	 */
	@Bean
	static BeanPostProcessor verifiedTokens(ObjectProvider<TokenRevocationValidator> revocations) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof JwtDecoder decoder) || bean instanceof VerifiedTokens) {
					return bean;
				}
				TokenRevocationValidator revocation = revocations.getIfAvailable();
				OAuth2TokenValidator<Jwt> everyTime = (revocation != null)
						? new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), revocation)
						: new JwtTimestampValidator();
				return new VerifiedTokens(decoder, everyTime);
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return converter;
	}

	/**
	 * Applies the resource-server rules to a chain: stateless, bearer tokens, problem answers, health and
	 * the Prometheus scrape public.
	 * @param http the chain being built
	 * @param publicPaths patterns anyone may call
	 * @param handlers problem answers for 401 and 403
	 * @param converter reads roles from the token
	 * @return the configured chain
	 * @throws Exception when the chain cannot be built
	 */
	public static SecurityFilterChain apiChain(HttpSecurity http, java.util.List<String> publicPaths,
			ProblemSecurityHandlers handlers, JwtAuthenticationConverter converter) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				// the Prometheus scrape comes from inside the cluster; the gateway routes no /actuator path to a service
				requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
						"/actuator/prometheus", "/error")
					.permitAll();
				for (String path : publicPaths) {
					requests.requestMatchers(matcher(path)).permitAll();
				}
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
		return http.build();
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "mutualis.security.resource-server", matchIfMissing = true)
	static class ApiChainConfiguration {

		@Bean
		SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties,
				ProblemSecurityHandlers handlers, JwtAuthenticationConverter converter) throws Exception {
			return apiChain(http, properties.publicPaths(), handlers, converter);
		}

	}

	/**
	 * Reads a pattern such as {@code GET /api/listings/**} or {@code /api/x/**}.
	 * @param pattern the pattern
	 * @return its matcher
	 */
	public static PathPatternRequestMatcher matcher(String pattern) {
		String[] parts = pattern.trim().split("\\s+", 2);
		if (parts.length == 2) {
			return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1]);
		}
		return PathPatternRequestMatcher.withDefaults().matcher(parts[0]);
	}

}
