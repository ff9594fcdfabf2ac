package org.mutualis.booking;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Validator;
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

/**
 * The booking service documents itself from its first endpoint: its OpenAPI document ({@code /v3/api-docs}, read
 * without a token) must name every endpoint and document the body each one reads, with an example it accepts.
 */
@SpringBootTest
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

	@Test
	void documentsEveryEndpointAndTheBodyEachOneReadsWithAnExampleItAccepts() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode json = JsonMapper.builder().build().readTree(document);
		assertThat(json.path("openapi").asString()).startsWith("3.1");
		assertThat(json.path("components").path("schemas").path("Problem").isObject()).isTrue();
		assertThat(OpenApiInventory.of(this.mapping, document).checkingExamplesWith(this.bodyReader, this.validator).findings())
			.isEmpty();
	}

}
