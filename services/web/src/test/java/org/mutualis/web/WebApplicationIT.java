package org.mutualis.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole web application on its infrastructure: health, and what a person's browser gets when something goes
 * wrong — real pages in their language, never a JSON body. The services are given an address where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mutualis.web.services.identity=http://127.0.0.1:9", "mutualis.web.services.listings=http://127.0.0.1:9",
				"mutualis.web.services.booking=http://127.0.0.1:9", "mutualis.web.services.notifications=http://127.0.0.1:9" })
@WithInfrastructure
class WebApplicationIT {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void publishesNoOpenApiDocument() {
		// web serves pages, not an API: the platform's springdoc would publish an empty document at /v3/api-docs
		java.util.List<String> paths = this.mapping.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((info) -> info.getPatternValues().stream())
			.toList();
		assertThat(paths).contains("/recherche").noneMatch((path) -> path.startsWith("/v3/api-docs"));
	}

	@Test
	void reportsItselfUpAndReadyOnItsInfrastructure() throws Exception {
		HttpResponse<String> health = probe("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");
		assertThat(probe("/actuator/health/liveness").body()).contains("\"UP\"");
		HttpResponse<String> readiness = probe("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
	}

	@Test
	void anUnknownPageIsANotFoundPageInThePersonsLanguage() throws Exception {
		HttpResponse<String> french = get("/annonces/pas-une-annonce!", "fr-CA");
		assertThat(french.statusCode()).isEqualTo(404);
		assertThat(french.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(french.body()).contains("Page introuvable").contains("href=\"/css/mutualis.css\"").doesNotContain("\"status\"");
		assertThat(get("/css/absente.css", "en").body()).contains("Page not found");
	}

	@Test
	void theAddressesNotificationsLinkToSendAVisitorToSignInRatherThanToTheNotFoundPage() throws Exception {
		for (String path : java.util.List.of("/bookings/booking-1", "/listings/listing-1", "/organisation")) {
			HttpResponse<String> page = get(path, "fr-CA");
			assertThat(page.statusCode()).as(path).isEqualTo(302);
			assertThat(page.headers().firstValue("Location")).as(path)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/signin/mutualis"));
		}
	}

	@Test
	void aServiceThatDoesNotAnswerIsAnUnavailablePage() throws Exception {
		HttpResponse<String> page = get("/recherche?q=salle", "fr");
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("Service momentanément indisponible");
		assertThat(get("/recherche", "en").body()).contains("Service temporarily unavailable");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsAnAccessDeniedPage() throws Exception {
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(uri("/logout"))
			.header("Accept", "text/html")
			.header("Accept-Language", "fr")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("Accès refusé");
	}

	@Test
	void theSessionCookieIsSecureBehindTheGatewaysTlsAndAlwaysSameSiteLax() throws Exception {
		assertThat(sessionCookie("https")).contains("MUTUALIS_WEB_SESSION=").contains("; Secure")
			.containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
		assertThat(sessionCookie(null)).contains("MUTUALIS_WEB_SESSION=").doesNotContain("Secure")
			.containsIgnoringCase("SameSite=Lax");
	}

	@Test
	void servesAFavicon() throws Exception {
		HttpResponse<byte[]> icon = this.http.send(HttpRequest.newBuilder(uri("/favicon.ico")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.body()).startsWith((byte) 0, (byte) 0, (byte) 1, (byte) 0);
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html,application/xhtml+xml")
			.header("Accept-Language", language)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Starts a sign-in, which keeps the authorization request in the session, as the gateway would forward it. */
	private String sessionCookie(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/signin/mutualis")).header("Accept", "text/html");
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto).header("X-Forwarded-Host", "mutualis.example");
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return response.headers().allValues("Set-Cookie").stream()
			.filter((cookie) -> cookie.startsWith("MUTUALIS_WEB_SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
	}

	private HttpResponse<String> probe(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
