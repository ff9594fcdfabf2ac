package org.mutualis.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/docs}: the API browser, each service's OpenAPI document and the AsyncAPI document, without a token. */
class ApiDocsTest extends GatewayTestSupport {

	@Test
	void docsPageAnswersAnonymouslyWithoutInlineScriptOrStyle() {
		for (String path : new String[] { "/api/docs", "/api/docs/" }) {
			String page = client().get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.valueMatches("Content-Security-Policy", ".*script-src 'self'.*")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(page).contains("<script src=\"/api/docs/ui/swagger-ui-bundle.js\"></script>",
					"<script src=\"/api/docs/mutualis-docs.js\"></script>", "href=\"/api/docs/asyncapi.yaml\"");
			assertThat(page).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|<style|style=");
		}
	}

	@Test
	void swaggerUiAndThePagesOwnFilesAreServed() {
		for (String path : new String[] { "/api/docs/ui/swagger-ui-bundle.js", "/api/docs/ui/swagger-ui-standalone-preset.js",
				"/api/docs/ui/swagger-ui.css", "/api/docs/mutualis-docs.js", "/api/docs/mutualis-docs.css" }) {
			client().get().uri(path).exchange().expectStatus().isOk();
		}
	}

	@Test
	void everyDocumentThePageListsIsRoutedToItsServiceWithoutAToken() throws IOException {
		Map<String, String> documents = documentsListedByThePage();
		assertThat(documents).containsOnlyKeys("identity", "listings", "booking", "notifications");
		documents.forEach((service, url) -> client().get()
			.uri(url)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.path")
			.isEqualTo("/v3/api-docs")
			.jsonPath("$.authorization")
			.isEqualTo(""));
	}

	@Test
	void onlyReadingADocumentIsAnonymous() {
		client().post()
			.uri("/api/identity/openapi.json")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void asyncApiDocumentAndTheSchemasItRefersToAreServedBeside() {
		String asyncApi = client().get()
			.uri("/api/docs/asyncapi.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(asyncApi).contains("asyncapi: 3.0.0", "$ref: events/mutualis.listing.published.v1.schema.json");
		client().get()
			.uri("/api/docs/events/mutualis.listing.published.v1.schema.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("object");
	}

	@Test
	void aFileTheDocsDoNotHaveIsNotFoundRatherThanTheWebApp() {
		client().get()
			.uri("/api/docs/nothing-here.js")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** The documents the page's script lists: name → URL. */
	private static Map<String, String> documentsListedByThePage() throws IOException {
		String script = new ClassPathResource("api-docs/mutualis-docs.js").getContentAsString(StandardCharsets.UTF_8);
		Matcher matcher = Pattern.compile("name: '([^']+)', url: '([^']+)'").matcher(script);
		Map<String, String> documents = new LinkedHashMap<>();
		while (matcher.find()) {
			documents.put(matcher.group(1), matcher.group(2));
		}
		return documents;
	}

}
