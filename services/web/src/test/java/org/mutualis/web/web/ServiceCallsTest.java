package org.mutualis.web.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.web.WebProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Calls to a service over real HTTP: the person's token and language go along, and problems come back as refusals. */
class ServiceCallsTest {

	private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private final OAuth2AuthorizedClientManager clients = mock(OAuth2AuthorizedClientManager.class);

	private ServiceCalls calls;

	@BeforeEach
	void startAService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.received.add(Map.of("path", exchange.getRequestURI().toString(), "authorization",
					String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), "language",
					String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language")), "ifMatch",
					String.valueOf(exchange.getRequestHeaders().getFirst("If-Match"))));
			String path = exchange.getRequestURI().getPath();
			int status = path.endsWith("/refused") ? 422 : path.endsWith("/broken") ? 500 : path.endsWith("/expired") ? 401 : 200;
			String body = (status == 422) ? """
					{"type":"urn:mutualis:problem:invalid-field","status":422,"detail":"Le titre est requis.",
					 "errors":[{"field":"title.fr","message":"requis"}]}""" : (status == 200) ? "{\"ok\":true}" : "{}";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", (status == 200) ? "application/json" : "application/problem+json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.server.start();
		URI base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		this.calls = new ServiceCalls(new WebProperties(new WebProperties.Services(base, base, base,
				URI.create("http://127.0.0.1:9"))), this.clients, JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void sendsThePersonsCurrentTokenLanguageAndVersion() {
		signIn();
		given(this.clients.authorize(any())).willReturn(client("fresh-token"));
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		this.calls.exchange(ServiceCalls.Service.LISTINGS, HttpMethod.PUT, "/api/listings/1", Map.of("a", 1), 4L);
		assertThat(this.received).singleElement().satisfies((request) -> {
			assertThat(request).containsEntry("authorization", "Bearer fresh-token").containsEntry("language", "en")
				.containsEntry("ifMatch", "\"4\"");
		});
	}

	@Test
	void anAnonymousCallSendsNobodysTokenEvenForASignedInPersonButTheirLanguage() {
		signIn();
		given(this.clients.authorize(any())).willReturn(client("persons-token"));
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.calls.exchangeAnonymously(ServiceCalls.Service.LISTINGS, HttpMethod.POST,
				"/api/notifications/unsubscribe/abc").getBody()).containsEntry("ok", true);
		assertThat(this.received).singleElement().satisfies((request) -> assertThat(request)
			.containsEntry("path", "/api/notifications/unsubscribe/abc")
			.containsEntry("authorization", "null")
			.containsEntry("language", "en"));
		org.mockito.Mockito.verifyNoInteractions(this.clients);
		// a refusal is still a refusal, never a request to sign in again
		assertThatThrownBy(() -> this.calls.exchangeAnonymously(ServiceCalls.Service.LISTINGS, HttpMethod.POST,
				"/expired")).isInstanceOf(ServiceRefusal.class);
	}

	@Test
	void aVisitorCallsWithoutTokenInFrench() {
		assertThat(this.calls.get(ServiceCalls.Service.LISTINGS, "/api/listings/search")).containsEntry("ok", true);
		assertThat(this.received.get(0)).containsEntry("authorization", "null").containsEntry("language", "fr-CA");
	}

	@Test
	void aProblemBecomesARefusalWithItsFields() {
		assertThatThrownBy(() -> this.calls.get(ServiceCalls.Service.LISTINGS, "/refused"))
			.isInstanceOfSatisfying(ServiceRefusal.class, (refusal) -> {
				assertThat(refusal.getStatusCode().value()).isEqualTo(422);
				assertThat(refusal.type()).isEqualTo("invalid-field");
				assertThat(refusal.detail()).isEqualTo("Le titre est requis.");
				assertThat(refusal.field("title.fr")).isEqualTo("requis");
			});
	}

	@Test
	void aFailingOrAbsentServiceIsUnavailable() {
		assertThatThrownBy(() -> this.calls.get(ServiceCalls.Service.BOOKING, "/broken"))
			.isInstanceOf(ServiceUnavailable.class);
		assertThatThrownBy(() -> this.calls.get(ServiceCalls.Service.NOTIFICATIONS, "/anything"))
			.isInstanceOf(ServiceUnavailable.class);
	}

	@Test
	void aRefreshTokenIdentityNoLongerKnowsSendsThePersonToSignInAgain() {
		signIn();
		given(this.clients.authorize(any()))
			.willThrow(new ClientAuthorizationException(new OAuth2Error("invalid_grant"), ServiceCalls.REGISTRATION));
		assertThatThrownBy(() -> this.calls.get(ServiceCalls.Service.LISTINGS, "/api/listings/1"))
			.isInstanceOf(ClientAuthorizationRequiredException.class);
		assertThat(this.received).isEmpty();
	}

	@Test
	void aTokenTheServiceRefusesSendsThePersonToSignInAgain() {
		signIn();
		given(this.clients.authorize(any())).willReturn(client("revoked-token"));
		assertThatThrownBy(() -> this.calls.get(ServiceCalls.Service.LISTINGS, "/expired"))
			.isInstanceOf(ClientAuthorizationRequiredException.class);
	}

	private static void signIn() {
		DefaultOAuth2User user = new DefaultOAuth2User(AuthorityUtils.createAuthorityList("OIDC_USER"),
				Map.of("sub", "person-1"), "sub");
		SecurityContextHolder.getContext()
			.setAuthentication(new OAuth2AuthenticationToken(user, user.getAuthorities(), ServiceCalls.REGISTRATION));
	}

	private static OAuth2AuthorizedClient client(String token) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceCalls.REGISTRATION)
			.clientId("mutualis-web")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost/login/oauth2/code/mutualis")
			.authorizationUri("http://localhost/oauth2/authorize")
			.tokenUri("http://localhost/oauth2/token")
			.build();
		return new OAuth2AuthorizedClient(registration, "person-1", new OAuth2AccessToken(
				OAuth2AccessToken.TokenType.BEARER, token, Instant.now(), Instant.now().plusSeconds(300)));
	}

}
