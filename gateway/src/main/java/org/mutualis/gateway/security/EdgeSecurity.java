package org.mutualis.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.mutualis.gateway.GatewayProperties;
import org.mutualis.gateway.web.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's one security chain: bearer tokens are required and checked on {@code /api/**} except the
 * anonymous calls, everything else (the web UI, the authorization server) passes through untouched.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurity {

	/**
	 * No observation around each security web filter, authentication and authorisation: with the
	 * {@code management.observations.enable.spring.security=false} predicate alone, every filter was still wrapped in
	 * an observation, discarded at each request. The exchange's own observation (trace, timer) stays.
	 * @return settings with no security observation
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain edgeSecurityChain(ServerHttpSecurity http, GatewayProperties properties,
			ReactiveJwtDecoder jwtDecoder, ProblemResponses problems) {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
		ServerWebExchangeMatcher anonymous = anonymousCalls(properties.anonymousPaths());
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.cors((cors) -> cors.configurationSource(cors(properties.corsAllowedOrigins())))
			.authorizeExchange((exchanges) -> exchanges.matchers(anonymous)
				.permitAll()
				.pathMatchers("/api/**")
				.authenticated()
				.anyExchange()
				.permitAll())
			.oauth2ResourceServer((server) -> server.bearerTokenConverter(apiBearerTokens())
				.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.build();
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
			@Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences,
			GatewayProperties properties) {
		return AccessTokens.decoder(jwkSetUri, issuer, audiences, properties.jwtClockSkew());
	}

	/** Reads bearer tokens on API calls only: the web UI and the authorization server handle their own credentials. */
	private static ServerAuthenticationConverter apiBearerTokens() {
		ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
		return (exchange) -> exchange.getRequest().getPath().value().startsWith("/api/") ? bearer.convert(exchange)
				: Mono.empty();
	}

	static ServerWebExchangeMatcher anonymousCalls(List<String> paths) {
		List<ServerWebExchangeMatcher> matchers = new ArrayList<>();
		for (String entry : paths) {
			String[] parts = entry.trim().split("\\s+", 2);
			matchers.add((parts.length == 2)
					? ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(parts[0].toUpperCase()), parts[1])
					: ServerWebExchangeMatchers.pathMatchers(parts[0]));
		}
		return matchers.isEmpty() ? (exchange) -> ServerWebExchangeMatcher.MatchResult.notMatch()
				: new OrServerWebExchangeMatcher(matchers);
	}

	private static CorsConfigurationSource cors(List<String> allowedOrigins) {
		CorsConfiguration configuration = new CorsConfiguration();
		// an empty list refuses every cross-origin call, preflight included
		configuration.setAllowedOrigins(allowedOrigins);
		configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
				"If-Match", "If-None-Match", "Idempotency-Key"));
		configuration.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "Content-Language"));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

}
