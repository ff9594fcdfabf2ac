package org.mutualis.contracts;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class ContractsTest {

	@Test
	void everyExampleHonoursItsSchemaAndTheEnvelope() {
		EventContracts.examples().forEach((type, example) ->
				assertThat(EventContracts.violations(example)).as(type).isEmpty());
	}

	@Test
	void aPayloadThatBreaksItsSchemaIsReported() {
		String broken = """
				{"specversion":"1.0","id":"x","source":"/mutualis/test","type":"mutualis.nothing.known.v1",
				 "subject":"s","time":"2026-01-01T00:00:00Z","datacontenttype":"application/json","data":{}}""";
		assertThat(EventContracts.violations(broken)).anyMatch((message) -> message.contains("no contract"));
	}

	@Test
	void everySchemaHasAnExampleAndEveryExampleASchema() throws Exception {
		Set<String> schemas = new HashSet<>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:contracts/events/*.schema.json")) {
			schemas.add(resource.getFilename().replace(".schema.json", ""));
		}
		assertThat(schemas).isEqualTo(EventContracts.examples().keySet());
	}

	@Test
	void asyncApiDocumentNamesExactlyTheEventTypesThatHaveContracts() throws Exception {
		JsonNode asyncApi;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/asyncapi.yaml")) {
			asyncApi = YAMLMapper.builder().build().readTree(in);
		}
		Set<String> named = new HashSet<>();
		JsonNode messages = asyncApi.path("components").path("messages");
		for (Map.Entry<String, JsonNode> message : messages.properties()) {
			String name = message.getValue().path("name").asString();
			named.add(name);
			assertThat(message.getValue().path("payload").path("$ref").asString())
				.isEqualTo("events/" + name + ".schema.json");
		}
		assertThat(named).isEqualTo(EventContracts.examples().keySet());
		for (JsonNode channel : asyncApi.path("channels")) {
			for (JsonNode reference : channel.path("messages")) {
				String ref = reference.path("$ref").asString();
				assertThat(messages.has(ref.substring(ref.lastIndexOf('/') + 1))).as(ref).isTrue();
			}
		}
	}

}
