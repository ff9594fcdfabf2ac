package org.mutualis.listings;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.OpenApiInventory;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Listings' OpenAPI document ({@code /v3/api-docs}, read without a token) names every endpoint and documents the
 * body each one reads, with an example the service accepts.
 */
class OpenApiDocumentTest extends ApiTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	Validator validator;

	private String document;

	@BeforeEach
	void readDocument() throws Exception {
		this.document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void documentsEveryEndpointAndTheBodyEachOneReadsWithAnExampleItAccepts() {
		OpenApiInventory inventory = OpenApiInventory.of(this.mapping, this.document)
			.checkingExamplesWith(this.json, this.validator);
		assertThat(inventory.endpoints()).contains("POST /api/listings", "GET /api/listings/search");
		assertThat(inventory.findings()).isEmpty();
	}

	@Test
	void searchIsPublicAndWritingNeedsTheBearerToken() {
		JsonNode paths = this.json.readTree(this.document).path("paths");
		JsonNode search = paths.path("/api/listings/search").path("get");
		assertThat(search.path("security").isEmpty()).isTrue();
		assertThat(search.path("responses").propertyNames()).doesNotContain("401");
		JsonNode create = paths.path("/api/listings").path("post");
		assertThat(create.path("security").toString()).contains("bearer-jwt");
		assertThat(create.path("responses").propertyNames()).contains("400", "401", "403", "409", "422", "503");
	}

	@Test
	void theDocumentedListingExampleCreatesADraft() throws Exception {
		JsonNode example = this.json.readTree(this.document)
			.path("paths").path("/api/listings").path("post").path("requestBody").path("content")
			.path("application/json").path("example");
		assertThat(example.path("categoryCode").asString()).isEqualTo("community-kitchens");
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(example.toString()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"));
	}

}
