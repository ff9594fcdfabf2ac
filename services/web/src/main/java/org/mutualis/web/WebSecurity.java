package org.mutualis.web;

import org.mutualis.web.web.Acting;
import org.mutualis.web.web.ServiceCalls;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.ParameterRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Security of the browser-facing pages: web is an OAuth2 client of identity. Signing in starts at
 * {@code /signin/mutualis} (not {@code /oauth2/...}, which the gateway routes to identity) and comes back to
 * {@code /login/oauth2/code/mutualis}; the session then holds the person's access token. Signing out ends identity's
 * session as well.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	static final String SIGN_IN = "/signin/mutualis";

	/**
	 * The pages (and their forms) only the managers of the organisation a person acts for may open: its listings,
	 * their availability and blocks, the requests it received, its members and invitations. The services refuse
	 * their actions to members anyway; web does not offer them pages and buttons that can only fail. The ledger
	 * statement ({@code /organisation/releve}) stays open to members, as booking shows it to them.
	 */
	static final String[] MANAGER_PAGES = { "/mes-annonces/**", "/demandes/**", "/organisation/membres/**",
			"/organisation/invitations/**" };

	/**
	 * The link at the foot of every notification e-mail, {@code /notifications/preferences?unsubscribe=<token>}
	 * (notifications' {@code WebPaths.PREFERENCES}): open to anyone, since the token is the credential and the person
	 * reading their e-mail is often not signed in. It only asks to confirm; without the parameter the same path is the
	 * signed-in person's preferences page.
	 */
	static final RequestMatcher UNSUBSCRIBE_LINK = RequestMatchers.allOf(
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/notifications/preferences"),
			new ParameterRequestMatcher("unsubscribe"));

	/** Where the unsubscribe confirmation posts (with the CSRF token), and the page that says it is done. */
	static final String UNSUBSCRIBE_PAGES = "/notifications/desabonnement";

	@Bean
	SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, ServiceCalls services,
			LocaleResolver languages, Environment environment,
			@Value("${mutualis.web.end-session-uri:${MUTUALIS_PUBLIC_URL:http://localhost:8080}/connect/logout}") String endSession)
			throws Exception {
		requireRealClientSecret(environment);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/", "/recherche", "/annonces/*", "/annonces/*/photos/*", "/css/**",
					"/img/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health/**",
					"/actuator/health", "/actuator/info", "/inscription", "/inscription/envoyee", "/mot-de-passe-oublie")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/inscription")
			.permitAll()
			.requestMatchers(UNSUBSCRIBE_LINK)
			.permitAll()
			.requestMatchers(UNSUBSCRIBE_PAGES)
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.requestMatchers(MANAGER_PAGES)
			.access(managers(services))
			.requestMatchers(HttpMethod.POST, "/reservations/agenda")
			.access(managers(services))
			.anyRequest()
			.authenticated())
			.oauth2Login((login) -> login.loginPage(SIGN_IN)
				.authorizationEndpoint((authorization) -> authorization.baseUri("/signin")
					.authorizationRequestResolver(new SignInRequests(registrations, "/signin", languages))))
			.logout((logout) -> logout.logoutSuccessHandler(endIdentitySession(endSession)));
		return http.build();
	}

	/**
	 * Lets through a person signed in as a manager of the organisation they act for (the role of their current
	 * access token: roles are per organisation); a member, or an administrator acting for no organisation, gets the
	 * 403 page; a visitor is sent to sign in.
	 * @param services the person's tokens
	 * @return the rule
	 */
	static AuthorizationManager<RequestAuthorizationContext> managers(ServiceCalls services) {
		return (authentication, context) -> new AuthorizationDecision(
				authentication.get() instanceof OAuth2AuthenticationToken && Acting.of(services.token()).manager());
	}

	/**
	 * Refuses, outside the local/demo mode (recognised, as identity does, by demo data or e-mails written to a folder,
	 * or said by {@code mutualis.web.local-mode}), the committed demo client secret or one shorter than 24 characters:
	 * anyone can read the demo value in the repository.
	 * @param environment the configuration
	 */
	static void requireRealClientSecret(Environment environment) {
		Boolean explicit = environment.getProperty("mutualis.web.local-mode", Boolean.class);
		boolean local = (explicit != null) ? explicit
				: environment.getProperty("mutualis.demo.enabled", Boolean.class, false)
						|| "folder".equals(environment.getProperty("mutualis.mail.mode"));
		String secret = environment.getProperty("spring.security.oauth2.client.registration.mutualis.client-secret", "");
		if (!local && (secret.equals("mutualis-web-demo-secret") || secret.trim().length() < 24)) {
			throw new IllegalStateException("MUTUALIS_WEB_CLIENT_SECRET (spring.security.oauth2.client.registration."
					+ "mutualis.client-secret) must be a real secret of at least 24 characters outside the local/demo "
					+ "mode (the committed demo value is public)");
		}
	}

	/**
	 * After web's own session ends, sends the browser to identity's end-session endpoint (OIDC RP-initiated logout)
	 * with the ID token, so that identity's session ends too and the next sign-in asks for the password; identity
	 * then sends the browser back to web's home page. A sign-out without a signed-in person just goes home.
	 */
	static LogoutSuccessHandler endIdentitySession(String endSession) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof OidcUser person) {
				String home = ServletUriComponentsBuilder.fromContextPath(request).path("/").build().toUriString();
				response.sendRedirect(UriComponentsBuilder.fromUriString(endSession)
					.queryParam("id_token_hint", person.getIdToken().getTokenValue())
					.queryParam("post_logout_redirect_uri", home)
					.build()
					.toUriString());
				return;
			}
			response.sendRedirect(request.getContextPath() + "/");
		};
	}

}
