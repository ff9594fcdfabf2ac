package org.mutualis.identity;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Validator;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Identity's OpenAPI document ({@code /v3/api-docs}, read without a token) names every API endpoint and documents
 * the body each one reads; the sign-in, password and invitation pages under {@code /auth/**} are HTML, not API.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class OpenApiDocumentTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	JsonMapper bodyReader;

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
			.ignoring("/auth/**")
			.checkingExamplesWith(this.bodyReader, this.validator);
		assertThat(inventory.endpoints()).contains("POST /api/identity/organisations", "GET /api/identity/me");
		assertThat(inventory.findings()).isEmpty();
	}

	@Test
	void theDocumentedRegistrationExampleRegistersAnOrganisation() throws Exception {
		JsonNode example = JsonMapper.builder().build().readTree(this.document)
			.path("paths").path("/api/identity/organisations").path("post").path("requestBody").path("content")
			.path("application/json").path("example");
		this.mvc.perform(post("/api/identity/organisations").contentType(MediaType.APPLICATION_JSON)
			.content(example.toString()))
			.andExpect(status().is2xxSuccessful());
	}

	@Test
	void publicCallsNeedNoTokenAndTheOthersTheBearerToken() {
		JsonNode paths = JsonMapper.builder().build().readTree(this.document).path("paths");
		JsonNode registration = paths.path("/api/identity/organisations").path("post");
		assertThat(registration.path("security").isEmpty()).isTrue();
		assertThat(registration.path("responses").propertyNames()).contains("400", "409", "422", "503")
			.doesNotContain("401");
		assertThat(registration.path("requestBody").path("content").path("application/json").path("example")
			.path("mrc").asString()).as("the example identity wrote").isEqualTo("Roussillon");
		JsonNode me = paths.path("/api/identity/me").path("get");
		assertThat(me.path("security").toString()).contains("bearer-jwt");
		assertThat(me.path("responses").propertyNames()).contains("401", "403", "503");
	}

}
