package org.mutualis.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** API calls need a genuine, current RS256 token from our issuer for our API; anything else is a 401 problem. */
class TokenValidationTest extends GatewayTestSupport {

	static Stream<Arguments> attacks() {
		Instant now = Instant.now();
		return Stream.of(Arguments.of("alg none", TestTokens.unsigned("mallory")),
				Arguments.of("HS256 keyed with the RSA public key", TestTokens.hmacWithPublicKey("mallory")),
				Arguments.of("expired",
						TestTokens.with("mallory",
								(c) -> c.issueTime(Date.from(now.minusSeconds(900)))
									.notBeforeTime(Date.from(now.minusSeconds(900)))
									.expirationTime(Date.from(now.minusSeconds(300))))),
				Arguments.of("not yet valid",
						TestTokens.with("mallory", (c) -> c.notBeforeTime(Date.from(now.plusSeconds(300))))),
				Arguments.of("without expiry", TestTokens.with("mallory", (c) -> c.expirationTime(null))),
				Arguments.of("wrong issuer", TestTokens.with("mallory", (c) -> c.issuer("https://evil.example"))),
				Arguments.of("wrong audience", TestTokens.with("mallory", (c) -> c.audience("other-api"))),
				Arguments.of("unknown kid", TestTokens.signedByUnknownKey("mallory")),
				Arguments.of("tampered payload", TestTokens.tampered("mallory")),
				Arguments.of("garbage", "not.a.jwt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void refusesForgedOrInvalidTokens(String attack, String token) {
		unauthenticated(client().get()
			.uri("/api/bookings/mine")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange());
	}

	@Test
	void refusesApiCallWithoutTokenInFrenchByDefault() {
		unauthenticated(client().get().uri("/api/bookings/mine").exchange())
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).startsWith("Connectez-vous"))
			.jsonPath("$.messages.fr")
			.exists()
			.jsonPath("$.messages.en")
			.value(String.class, (en) -> assertThat(en).startsWith("Sign in"))
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.instance")
			.isEqualTo("/api/bookings/mine");
	}

	@Test
	void answersInEnglishWhenAsked() {
		unauthenticated(client().get()
			.uri("/api/notifications/inbox")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA,en;q=0.9,fr;q=0.5")
			.exchange())
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).startsWith("Sign in"))
			.jsonPath("$.title")
			.isEqualTo("Authentication required");
	}

	@Test
	void tokenlessPostIsUnauthenticatedNotForbidden() {
		unauthenticated(client().post()
			.uri("/api/bookings")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange());
	}

	@Test
	void validTokenIsRouted() {
		client().post()
			.uri("/api/bookings")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("booking");
	}

	@Test
	void acceptsTokensTypedAsAccessTokens() {
		client().get()
			.uri("/api/bookings/mine")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.typedAccessToken("typed"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void tokenWithinClockSkewIsAccepted() {
		Instant now = Instant.now();
		client().get()
			.uri("/api/bookings/mine")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.with("skewed",
					(c) -> c.notBeforeTime(Date.from(now.plusSeconds(10)))))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void publicApiCallsPassAnonymously() {
		client().get().uri("/api/listings/search?q=salle").exchange().expectStatus().isOk();
		client().get().uri("/api/listings/123").exchange().expectStatus().isOk();
		client().get().uri("/api/listings/123/photos/1").exchange().expectStatus().isOk();
		client().get().uri("/api/identity/regions").exchange().expectStatus().isOk();
		client().get().uri("/api/identity/invitations/abc").exchange().expectStatus().isOk();
		client().post()
			.uri("/api/identity/organisations")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
		client().post().uri("/api/identity/password-resets").bodyValue("{}").exchange().expectStatus().isOk();
		client().get()
			.uri("/api/bookings/calendar/feeds/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXU.ics")
			.exchange()
			.expectStatus()
			.isOk();
		client().post().uri("/api/notifications/unsubscribe/dW5zdWJzY3JpYmU").exchange().expectStatus().isOk();
		client().get().uri("/api/bookings/listings/some-listing/availability?from=2027-01-04&to=2027-01-05")
			.exchange()
			.expectStatus()
			.isOk();
		client().post().uri("/api/bookings/availability").bodyValue("{}").exchange().expectStatus().isOk();
	}

	@Test
	void otherMethodsOnPublicPathsStillNeedAToken() {
		unauthenticated(client().put().uri("/api/listings/123").bodyValue("{}").exchange());
		unauthenticated(client().get().uri("/api/identity/me").exchange());
		// only reading a feed by its secret address is anonymous; creating, listing and revoking feeds is not
		unauthenticated(client().post().uri("/api/bookings/calendar/feeds").bodyValue("{}").exchange());
		unauthenticated(client().get().uri("/api/bookings/calendar/feeds").exchange());
		unauthenticated(client().delete().uri("/api/bookings/calendar/feeds/some-feed").exchange());
		unauthenticated(client().get().uri("/api/bookings/calendar/feeds/some-feed").exchange());
		// only the one-click unsubscribe is anonymous in notifications
		unauthenticated(client().get().uri("/api/notifications/unsubscribe/dW5zdWJzY3JpYmU").exchange());
		unauthenticated(client().post().uri("/api/notifications/preferences").bodyValue("{}").exchange());
		unauthenticated(client().get().uri("/api/bookings/listings/some-listing/bookings").exchange());
	}

	private static BodyContentSpec unauthenticated(ResponseSpec response) {
		return response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.doesNotExist(HttpHeaders.LOCATION)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:unauthenticated");
	}

}
