package org.mutualis.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Security of the browser-facing pages: web is an OAuth2 client of identity. Signing in starts at
 * {@code /signin/mutualis} (not {@code /oauth2/...}, which the gateway routes to identity) and comes back to
 * {@code /login/oauth2/code/mutualis}; the session then holds the person's access token.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	static final String SIGN_IN = "/signin/mutualis";

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
			LocaleResolver languages) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/", "/recherche", "/annonces/*", "/annonces/*/photos/*", "/css/**",
					"/img/**", "/favicon.ico", "/error", "/actuator/health/**", "/actuator/health", "/actuator/info")
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2Login((login) -> login.loginPage(SIGN_IN)
				.authorizationEndpoint((authorization) -> authorization.baseUri("/signin")
					.authorizationRequestResolver(new SignInRequests(registrations, "/signin", languages))))
			.logout((logout) -> logout.logoutSuccessUrl("/"));
		return http.build();
	}

}
