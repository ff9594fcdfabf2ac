package org.mutualis.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;

/**
 * Finds or builds the example of a request body: the one the service wrote ({@value #EXAMPLES}{@code <Schema>.json}),
 * or one built from the schema: its own example or first enum value where it has one, otherwise a plausible value of
 * its type, format, bounds and field name.
 */
final class ExampleValues {

	private static final int MAX_DEPTH = 8;

	/** Where a service keeps the examples it writes itself, one file per schema. */
	static final String EXAMPLES = "openapi/examples/";

	private static final String SCHEMAS = "#/components/schemas/";

	private ExampleValues() {
	}

	/**
	 * Builds an example.
	 * @param schema the schema
	 * @param components the document's components, where references point
	 * @return the example, or {@code null} when the schema says too little
	 */
	static @Nullable Object of(Schema<?> schema, Components components) {
		return value(schema, "", components, 0);
	}

	/**
	 * Reads the example a service wrote for a schema, {@code classpath:openapi/examples/<Schema>.json}.
	 * @param schema a request body's schema, a reference to a named schema
	 * @return the example, or {@code null} when the service wrote none
	 */
	static @Nullable Object written(Schema<?> schema) {
		String reference = schema.get$ref();
		if (reference == null || !reference.startsWith(SCHEMAS)) {
			return null;
		}
		ClassPathResource file = new ClassPathResource(EXAMPLES + reference.substring(SCHEMAS.length()) + ".json");
		if (!file.exists()) {
			return null;
		}
		try (InputStream in = file.getInputStream()) {
			return Json.mapper().readValue(in, Object.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the example " + file, ex);
		}
	}

	private static @Nullable Object value(Schema<?> schema, String name, Components components, int depth) {
		if (depth > MAX_DEPTH) {
			return null;
		}
		if (schema.get$ref() != null) {
			Schema<?> target = resolve(schema.get$ref(), components);
			return (target != null) ? value(target, name, components, depth + 1) : null;
		}
		if (schema.getExample() != null) {
			return schema.getExample();
		}
		if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
			return schema.getExamples().get(0);
		}
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return schema.getEnum().get(0);
		}
		if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
			return value(schema.getOneOf().get(0), name, components, depth + 1);
		}
		if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
			return value(schema.getAnyOf().get(0), name, components, depth + 1);
		}
		if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
			Map<String, Object> merged = new LinkedHashMap<>();
			for (Schema<?> part : schema.getAllOf()) {
				if (value(part, name, components, depth + 1) instanceof Map<?, ?> map) {
					map.forEach((key, item) -> merged.put(String.valueOf(key), item));
				}
			}
			return merged.isEmpty() ? null : merged;
		}
		return switch (typeOf(schema)) {
			case "object" -> object(schema, components, depth);
			case "array" -> (schema.getItems() != null) ? listOf(value(schema.getItems(), name, components, depth + 1))
					: List.of();
			case "string" -> string(schema, name);
			case "integer" -> (schema.getMinimum() != null) ? schema.getMinimum().max(BigDecimal.ONE).toBigInteger() : 1;
			case "number" -> (schema.getMinimum() != null) ? schema.getMinimum().max(BigDecimal.ONE) : new BigDecimal("12.50");
			case "boolean" -> Boolean.TRUE;
			default -> null;
		};
	}

	private static @Nullable Object object(Schema<?> schema, Components components, int depth) {
		if (schema.getProperties() == null) {
			return null;
		}
		Map<String, Object> example = new LinkedHashMap<>();
		schema.getProperties().forEach((property, propertySchema) -> {
			if (!Boolean.TRUE.equals(propertySchema.getReadOnly())) {
				Object value = value(propertySchema, property, components, depth + 1);
				if (value != null) {
					example.put(property, value);
				}
			}
		});
		return example;
	}

	private static List<Object> listOf(@Nullable Object item) {
		return (item != null) ? List.of(item) : List.of();
	}

	private static String string(Schema<?> schema, String name) {
		String format = (schema.getFormat() != null) ? schema.getFormat() : "";
		String lower = name.toLowerCase(Locale.ROOT);
		String text = switch (format) {
			case "email" -> "gestion@laruche.demo";
			case "date-time" -> "2026-12-01T14:00:00Z";
			case "date" -> "2026-12-01";
			case "time", "partial-time", "time-local" -> "09:00:00";
			case "date-time-local" -> "2026-12-01T14:00:00";
			case "uuid" -> "3f2b8c1e-5d4a-4c8e-9a71-2f6d0b9e4c10";
			case "uri", "url" -> "https://example.org/";
			default -> byName(lower);
		};
		Integer min = schema.getMinLength();
		Integer max = schema.getMaxLength();
		if (min != null && text.length() < min) {
			text = text + "-".repeat(min - text.length());
		}
		if (max != null && text.length() > max) {
			text = text.substring(0, max);
		}
		return text;
	}

	private static String byName(String name) {
		if (name.contains("email")) {
			return "gestion@laruche.demo";
		}
		if (name.contains("password")) {
			return "Un-long-mot-de-passe-2026";
		}
		if (name.contains("phone")) {
			return "+1 450 555 0101";
		}
		if (name.equals("en")) {
			return "Community kitchen";
		}
		if (name.equals("fr")) {
			return "Cuisine communautaire";
		}
		if (name.contains("zone")) {
			return "America/Toronto";
		}
		return "texte";
	}

	private static String typeOf(Schema<?> schema) {
		if (schema.getType() != null) {
			return schema.getType();
		}
		Set<String> types = schema.getTypes();
		if (types != null) {
			for (String type : types) {
				if (!"null".equals(type)) {
					return type;
				}
			}
		}
		return (schema.getProperties() != null) ? "object" : "";
	}

	private static @Nullable Schema<?> resolve(String reference, Components components) {
		if (!reference.startsWith(SCHEMAS) || components.getSchemas() == null) {
			return null;
		}
		return components.getSchemas().get(reference.substring(SCHEMAS.length()));
	}

}
