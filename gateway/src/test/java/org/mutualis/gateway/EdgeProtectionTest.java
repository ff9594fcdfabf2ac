package org.mutualis.gateway;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Body caps, browser-hardening headers, CORS and health, as a browser or an API client meets them. */
class EdgeProtectionTest extends GatewayTestSupport {

	private static final int MB = 1024 * 1024;

	@Test
	void aBrowserPostingAFormTooLargeGetsAPageInItsLanguageNotJson() {
		// e.g. a 12 MB photo sent by the plain form of a listing's page, without JavaScript
		String page = client().post()
			.uri("/mes-annonces/42/photos")
			.header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA,fr;q=0.9")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.bodyValue(new byte[12 * MB])
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		org.assertj.core.api.Assertions.assertThat(page)
			.contains("<html lang=\"fr-CA\">", "Contenu trop volumineux", "Le contenu envoyé dépasse la taille permise.",
					"The content sent exceeds the allowed size.", "href=\"/css/mutualis.css\"", "<a href=\"/\">")
			.doesNotContain("<script", "style=", "urn:mutualis:problem");
	}

	@Test
	void refusesAnApiBodyOverOneMegabyte() {
		client().post()
			.uri("/api/bookings")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("big-json"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[MB + 1])
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:mutualis:problem:too-large");
	}

	@Test
	void refusesAStreamedBodyThatGrowsPastItsCap() {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> chunks = Flux.range(0, 24).map((i) -> buffers.wrap(new byte[64 * 1024]));
		client().post()
			.uri("/api/bookings")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("big-stream"))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void acceptsAPhotoUpToTenMegabytes() {
		client().post()
			.uri("/api/listings/abc/photos")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("photographer"))
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(new byte[3 * MB])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.received")
			.isEqualTo(3 * MB);
		client().post()
			.uri("/api/listings/abc/photos")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("photographer"))
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(new byte[10 * MB + 1])
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void htmlPagesCarryTheBrowserHardeningHeaders() {
		client().get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Security-Policy", ".*default-src 'self'.*frame-ancestors 'none'.*")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void apiAnswersAreNeverStored() {
		client().get()
			.uri("/api/listings/search")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.doesNotExist("Content-Security-Policy");
		client().get()
			.uri("/api/bookings/mine")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	@Test
	void refusesAPreflightFromAnUnknownOrigin() {
		client().options()
			.uri("/api/bookings")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void allowsAPreflightFromAConfiguredOrigin() {
		client().options()
			.uri("/api/bookings")
			.header(HttpHeaders.ORIGIN, "https://partner.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://partner.example");
	}

	@Test
	void healthProbesArePublic() {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			client().get()
				.uri(probe)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}
	}

}
