package org.mutualis.listings;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.OpenApiInventory;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Listings' OpenAPI document ({@code /v3/api-docs}, read without a token) names every endpoint and documents the body each one reads. */
@SpringBootTest
@AutoConfigureMockMvc
@WithInfrastructure
class OpenApiDocumentTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

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
	void documentsEveryEndpointAndTheBodyEachOneReads() {
		OpenApiInventory inventory = OpenApiInventory.of(this.mapping, this.document);
		assertThat(inventory.endpoints()).contains("POST /api/listings", "GET /api/listings/search");
		assertThat(inventory.findings()).isEmpty();
	}

	@Test
	void searchIsPublicAndWritingNeedsTheBearerToken() {
		JsonNode paths = JsonMapper.builder().build().readTree(this.document).path("paths");
		JsonNode search = paths.path("/api/listings/search").path("get");
		assertThat(search.path("security").isEmpty()).isTrue();
		assertThat(search.path("responses").propertyNames()).doesNotContain("401");
		JsonNode create = paths.path("/api/listings").path("post");
		assertThat(create.path("security").toString()).contains("bearer-jwt");
		assertThat(create.path("responses").propertyNames()).contains("400", "401", "403", "409", "422", "503");
		assertThat(create.path("requestBody").path("content").path("application/json").path("example").isObject())
			.isTrue();
	}

}
