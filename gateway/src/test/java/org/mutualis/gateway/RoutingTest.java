package org.mutualis.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;

/** Each path reaches its service unchanged, with the public host and the caller's token. */
class RoutingTest extends GatewayTestSupport {

	@ParameterizedTest
	@CsvSource({ "/api/identity/regions, identity", "/oauth2/authorize, identity",
			"/.well-known/openid-configuration, identity", "/auth/login, identity", "/userinfo, identity",
			"/connect/register, identity", "/api/listings/search, listings", "/api/listings/categories, listings",
			"/api/bookings/mine, booking", "/api/notifications/inbox, notifications", "/, web",
			"/listings/42, web", "/css/site.css, web" })
	void routesEachPathToItsServiceUnchanged(String path, String service) {
		client().get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("routing-" + service))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.path")
			.isEqualTo(path);
	}

	@Test
	void relaysTheBearerTokenUnchanged() {
		String token = TestTokens.valid("relay");
		client().get()
			.uri("/api/bookings/mine")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.authorization")
			.isEqualTo("Bearer " + token);
	}

	@Test
	void authorizationServerSeesThePublicHost() {
		client().get()
			.uri("/.well-known/openid-configuration")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.host")
			.isEqualTo("localhost:" + this.port);
	}

	@Test
	void forgedForwardedHostNeverReachesAService() {
		client().get()
			.uri("/oauth2/authorize")
			.header("X-Forwarded-Host", "evil.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.forwardedHost")
			.value(String.class, (host) -> org.assertj.core.api.Assertions.assertThat(host).doesNotContain("evil"));
	}

	@Test
	void nonApiPathsPassWithoutTokenValidation() {
		client().get()
			.uri("/userinfo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-even-a-jwt")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("identity");
	}

	@Test
	void tokenlessPostToTheWebAppIsNotRefusedForCsrf() {
		client().post()
			.uri("/auth/consent")
			.bodyValue("a=b")
			.exchange()
			.expectStatus()
			.isOk();
	}

}
