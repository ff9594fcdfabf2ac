package org.mutualis.platform.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.it.documented.DocumentedService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's OpenAPI document of a small service, and the inventory that compares it with the controllers:
 * it must find the two faults planted in {@link DocumentedService} and nothing else.
 */
@SpringBootTest(classes = DocumentedService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=documented", "spring.config.import=classpath:mutualis-defaults.yml",
				"mutualis.events.source=/mutualis/documented", "mutualis.security.public-paths=GET /api/notes/search" })
@WithInfrastructure
class OpenApiInventoryTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	JsonMapper bodyReader;

	@Autowired
	Validator validator;

	private String document;

	private JsonNode json;

	@BeforeEach
	void readDocument() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("the document needs no token").isEqualTo(200);
		this.document = response.body();
		this.json = JsonMapper.builder().build().readTree(this.document);
	}

	@Test
	void publishesAnOpenApi31DocumentWithoutAToken() {
		assertThat(this.json.path("openapi").asString()).startsWith("3.1");
		assertThat(this.json.path("info").path("title").asString()).isEqualTo("Mutualis documented");
	}

	@Test
	void theApiStillNeedsAToken() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/notes/7")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void describesTheProblemShapeAndEveryProblemType() {
		JsonNode problem = this.json.path("components").path("schemas").path("Problem");
		assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail",
				"messages", "errors");
		assertThat(problem.path("properties").path("messages").path("properties").propertyNames())
			.containsExactlyInAnyOrder("fr", "en");
		assertThat(problem.path("properties").path("errors").path("items").path("$ref").asString())
			.isEqualTo("#/components/schemas/FieldError");
		assertThat(problem.path("properties").path("type").path("description").asString())
			.contains("`stale-version`", "`store-unavailable`", "`invalid-request`", "`http-405`");
		assertThat(this.json.path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asString())
			.isEqualTo("bearer");
	}

	@Test
	void securedOperationsNeedTheBearerTokenAndAnswerProblems() {
		JsonNode note = this.json.path("paths").path("/api/notes/{id}").path("get");
		assertThat(note.path("security").toString()).contains("bearer-jwt");
		assertThat(note.path("responses").propertyNames()).contains("200", "401", "403", "404", "503")
			.doesNotContain("409", "422");
		assertThat(note.path("responses").path("404").path("$ref").asString()).isEqualTo("#/components/responses/NotFound");
		assertThat(this.json.path("components").path("responses").path("NotFound").path("content")
			.path("application/problem+json").path("schema").path("$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(note.path("parameters").toString()).as("the actor comes from the token").doesNotContain("personId");
	}

	@Test
	void publicOperationsNeedNoToken() {
		JsonNode search = this.json.path("paths").path("/api/notes/search").path("get");
		assertThat(search.path("security").isMissingNode() || search.path("security").isEmpty()).isTrue();
		assertThat(search.path("responses").propertyNames()).contains("400", "503").doesNotContain("401", "403");
	}

	@Test
	void writesAnswerConflictsAndRuleRefusalsAndShowAnExampleBody() {
		JsonNode write = this.json.path("paths").path("/api/notes").path("post");
		assertThat(write.path("responses").propertyNames()).contains("400", "401", "403", "409", "422", "503");
		JsonNode example = write.path("requestBody").path("content").path("application/json").path("example");
		assertThat(example.path("priority").asString()).isEqualTo("LOW");
		assertThat(example.path("author").asString()).contains("@");
		assertThat(example.path("tags").get(0).path("weight").isNumber()).isTrue();
	}

	@Test
	void aFileUploadIsAFormWithItsPartAndNoExample() {
		JsonNode upload = this.json.path("paths").path("/api/notes/{id}/files").path("post").path("requestBody")
			.path("content").path("multipart/form-data");
		assertThat(upload.path("schema").path("properties").path("file").path("format").asString()).isEqualTo("binary");
		assertThat(upload.has("example")).isFalse();
	}

	@Test
	void findsTheHiddenEndpointTheMisdocumentedBodyAndThePageNotDeclared() {
		List<String> findings = OpenApiInventory.of(this.mapping, this.document).findings();
		assertThat(findings).hasSize(3);
		assertThat(findings).anyMatch((finding) -> finding.equals("DELETE /api/notes/{id} is not in the document"));
		assertThat(findings).anyMatch((finding) -> finding.equals("GET /pages/hello is not in the document"));
		assertThat(findings).anyMatch((finding) -> finding.startsWith("POST /api/") && finding.contains("NewNote")
				&& finding.contains("properties differ"));
	}

	@Test
	void examplesMustBeBodiesTheServiceReadsAndAccepts() {
		List<String> findings = OpenApiInventory.of(this.mapping, this.document)
			.ignoring("/pages/**")
			.checkingExamplesWith(this.bodyReader, this.validator)
			.findings();
		assertThat(findings).filteredOn((finding) -> finding.contains("example")).hasSize(2);
		assertThat(findings).anyMatch((finding) -> finding.startsWith("PUT /api/notes/{id}/name example breaks a rule: name "));
		// the notes' NewNote and the drafts' NewNote share one schema, so one of their examples cannot be read
		assertThat(findings).anyMatch((finding) -> finding.matches("POST /api/(notes|drafts) example is not a body the service can read: .*"));
	}

	@Test
	void aWrittenExampleIsShownRatherThanABuiltOne() {
		assertThat(this.json.path("paths").path("/api/notes/{id}/name").path("put").path("requestBody").path("content")
			.path("application/json").path("example").path("name").asString()).isEqualTo("bien trop long");
	}

	@Test
	void declaredPagesAreLeftOut() {
		OpenApiInventory inventory = OpenApiInventory.of(this.mapping, this.document).ignoring("/pages/**");
		assertThat(inventory.endpoints()).doesNotContain("GET /pages/hello").contains("GET /api/notes/{id}");
		assertThat(inventory.findings()).hasSize(2).noneMatch((finding) -> finding.contains("/pages/"));
	}

}
