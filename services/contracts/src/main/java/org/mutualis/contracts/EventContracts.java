package org.mutualis.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The event contracts: for each logical event type {@code T}, {@code contracts/events/T.schema.json} (JSON
 * Schema 2020-12 of the {@code data} attribute) and {@code contracts/events/T.example.json} (a whole CloudEvents
 * envelope). Producers validate what they publish; consumers parse the examples.
 */
public final class EventContracts {

	private static final String ROOT = "contracts/events/";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private static final Schema ENVELOPE = REGISTRY.getSchema(read("contracts/cloudevent.schema.json"), InputFormat.JSON);

	private EventContracts() {
	}

	/**
	 * Lists every event type that has a contract, with its example.
	 * @return type name to example envelope text, sorted by type
	 */
	public static Map<String, String> examples() {
		Map<String, String> examples = new TreeMap<>();
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver(EventContracts.class.getClassLoader())
				.getResources("classpath*:" + ROOT + "*.example.json");
			for (Resource resource : resources) {
				String name = resource.getFilename();
				try (InputStream in = resource.getInputStream()) {
					examples.put(name.substring(0, name.length() - ".example.json".length()),
							new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return examples;
	}

	/**
	 * Lists the example envelopes of the event types whose names start with a prefix.
	 * @param prefix e.g. {@code mutualis.organisation.}
	 * @return type name to example envelope text
	 */
	public static Map<String, String> examples(String prefix) {
		Map<String, String> selected = new TreeMap<>();
		examples().forEach((type, json) -> {
			if (type.startsWith(prefix)) {
				selected.put(type, json);
			}
		});
		return selected;
	}

	/**
	 * Validates a whole envelope: its CloudEvents attributes, then its {@code data} against the schema of its type.
	 * @param envelopeJson the JSON text as published
	 * @return the violations; empty when the envelope honours the contract
	 */
	public static List<String> violations(String envelopeJson) {
		JsonNode envelope = MAPPER.readTree(envelopeJson);
		List<String> problems = new java.util.ArrayList<>(messages(ENVELOPE.validate(envelope)));
		JsonNode type = envelope.get("type");
		if (type == null || !type.isString()) {
			problems.add("envelope has no type");
			return problems;
		}
		Schema schema;
		try {
			schema = schema(type.asString());
		}
		catch (IllegalArgumentException ex) {
			problems.add(ex.getMessage());
			return problems;
		}
		JsonNode data = envelope.get("data");
		problems.addAll(messages(schema.validate((data != null) ? data : MAPPER.nullNode())));
		return problems;
	}

	private static Schema schema(String type) {
		return SCHEMAS.computeIfAbsent(type, (name) -> {
			String path = ROOT + name + ".schema.json";
			if (EventContracts.class.getClassLoader().getResource(path) == null) {
				throw new IllegalArgumentException("no contract for event type " + name);
			}
			return REGISTRY.getSchema(read(path), InputFormat.JSON);
		});
	}

	private static List<String> messages(List<Error> errors) {
		return errors.stream().map(Error::toString).toList();
	}

	private static String read(String path) {
		try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("missing contract resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
