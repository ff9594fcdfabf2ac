package org.mutualis.identity.token.server;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.mutualis.identity.ClientSecrets;
import org.mutualis.identity.DeploymentMode;
import org.mutualis.identity.IdentityProperties;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.platform.security.ProblemSecurityHandlers;
import org.mutualis.platform.security.ResourceServerAutoConfiguration;
import org.mutualis.platform.security.SecurityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The three security chains of identity: the OAuth2/OIDC endpoints of the authorization server, the API (a
 * stateless resource server like every other service), and the sign-in pages (a session, CSRF-protected form).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/** Extra authorization request parameter naming the organisation the person acts for. */
	static final String ORGANISATION_PARAMETER = "organisation";

	static final String LOGIN_PAGE = "/auth/login";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, Organisations organisations) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, (configurer) -> configurer.oidc(Customizer.withDefaults())
				.authorizationEndpoint((endpoint) -> endpoint.authenticationProviders(
						organisationValidation(organisations))))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, SecurityProperties properties, ProblemSecurityHandlers handlers,
			JwtAuthenticationConverter converter) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**");
		return ResourceServerAutoConfiguration.apiChain(http, properties.publicPaths(), handlers, converter);
	}

	@Bean
	@Order(3)
	SecurityFilterChain signInChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/auth/**", "/error", "/favicon.ico")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage(LOGIN_PAGE)
				.loginProcessingUrl(LOGIN_PAGE)
				.usernameParameter("username")
				.passwordParameter("password")
				.failureHandler(new SignInFailureHandler())
				.permitAll());
		return http.build();
	}

	/**
	 * Refuses an authorization request that names an organisation the signed-in person does not belong to.
	 */
	private static Consumer<List<org.springframework.security.authentication.AuthenticationProvider>> organisationValidation(
			Organisations organisations) {
		Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> membership = (context) -> {
			OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
			if (!(request.getPrincipal() instanceof Authentication principal) || !principal.isAuthenticated()
					|| principal instanceof AnonymousAuthenticationToken) {
				return;
			}
			Object requested = request.getAdditionalParameters().get(ORGANISATION_PARAMETER);
			if (requested == null) {
				return;
			}
			boolean member = organisations.find(requested.toString())
				.flatMap((organisation) -> organisation.roleOf(principal.getName()))
				.isPresent();
			if (!member) {
				throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
						OAuth2ErrorCodes.ACCESS_DENIED, "not a member of organisation " + requested, null), request);
			}
		};
		Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator = new OAuth2AuthorizationCodeRequestAuthenticationValidator()
			.andThen(membership);
		return (providers) -> providers.forEach((provider) -> {
			if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
				codeRequests.setAuthenticationValidator(validator);
			}
		});
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (!properties.issuer().isBlank()) {
			settings.issuer(properties.issuer());
		}
		return settings.build();
	}

	@Bean
	RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder,
			DeploymentMode mode) {
		IdentityProperties.Clients clients = properties.clients();
		ClientSecrets.requireReal(clients, mode);
		TokenSettings tokens = TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(properties.accessTokenTimeToLive())
			.refreshTokenTimeToLive(properties.refreshTokenTimeToLive())
			.reuseRefreshTokens(false)
			.authorizationCodeTimeToLive(Duration.ofMinutes(2))
			.build();
		ClientSettings pkce = ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build();
		RegisteredClient web = RegisteredClient.withId(UUID.nameUUIDFromBytes(clients.web().clientId().getBytes()).toString())
			.clientId(clients.web().clientId())
			.clientSecret(encoder.encode(clients.web().secret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(clients.web().redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(clients.web().postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(pkce)
			.tokenSettings(tokens)
			.build();
		RegisteredClient cli = RegisteredClient.withId(UUID.nameUUIDFromBytes(clients.cli().clientId().getBytes()).toString())
			.clientId(clients.cli().clientId())
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris((uris) -> uris.addAll(clients.cli().redirectUris()))
			.scope(OidcScopes.OPENID)
			.clientSettings(pkce)
			.tokenSettings(tokens)
			.build();
		RegisteredClient services = RegisteredClient
			.withId(UUID.nameUUIDFromBytes(clients.services().clientId().getBytes()).toString())
			.clientId(clients.services().clientId())
			.clientSecret(encoder.encode(clients.services().secret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("services")
			.tokenSettings(tokens)
			.build();
		return new InMemoryRegisteredClientRepository(web, cli, services);
	}

}
