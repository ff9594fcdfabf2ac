package org.mutualis.platform.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ResolvableType;

/**
 * Compares the Java type a controller reads as a request body with the schema of an OpenAPI document that documents
 * it: a schema of the type's name with the same properties, of the same JSON types, down through nested records.
 */
final class RequestBodySchemas {

	private static final String SCHEMAS = "#/components/schemas/";

	private final JsonNode document;

	/**
	 * Compares against one document.
	 * @param document the OpenAPI document
	 */
	RequestBodySchemas(JsonNode document) {
		this.document = document;
	}

	/**
	 * Compares a request body's type with the schema that documents it, recording each difference.
	 * @param where what the findings name, e.g. {@code "POST /api/x request body"}
	 * @param type the Java type the controller reads
	 * @param schema the documented schema (usually a reference)
	 * @param findings where differences are added, one sentence each
	 */
	void compare(String where, ResolvableType type, JsonNode schema, List<String> findings) {
		compare(where, type, schema, findings, new HashSet<>());
	}

	/** Compares a Java type with the schema that documents it, recording each difference. */
	private void compare(String where, ResolvableType type, JsonNode schema, List<String> findings, Set<Class<?>> seen) {
		Class<?> raw = type.toClass();
		String expected = jsonType(raw);
		String reference = reference(schema);
		if (expected.equals("object") && isDataType(raw)) {
			String name = schemaName(raw);
			if (reference == null) {
				findings.add(where + ": expected a reference to schema " + name + " for " + raw.getName()
						+ ", found " + schema);
				return;
			}
			if (!reference.equals(name)) {
				findings.add(where + ": documented as schema " + reference + " but the controller accepts "
						+ raw.getName() + " (schema " + name + ")");
				return;
			}
			if (seen.add(raw)) {
				compareProperties(where + " (" + name + ")", raw, schemaNamed(reference), findings, seen);
			}
			return;
		}
		JsonNode resolved = (reference != null) ? schemaNamed(reference) : schema;
		Set<String> documentedTypes = types(resolved);
		if (!documentedTypes.isEmpty() && !documentedTypes.contains(expected)
				&& !(expected.equals("number") && documentedTypes.contains("integer"))) {
			findings.add(where + ": " + raw.getSimpleName() + " is a JSON " + expected + " but is documented as "
					+ documentedTypes);
			return;
		}
		if (expected.equals("array")) {
			ResolvableType item = raw.isArray() ? type.getComponentType() : type.as(Collection.class).getGeneric(0);
			compare(where + "[]", item, resolved.path("items"), findings, seen);
		}
	}

	private void compareProperties(String where, Class<?> type, JsonNode schema, List<String> findings,
			Set<Class<?>> seen) {
		Map<String, ResolvableType> properties = properties(type);
		Set<String> documented = new TreeSet<>(schema.path("properties").propertyNames());
		if (!documented.equals(properties.keySet())) {
			Set<String> missing = new TreeSet<>(properties.keySet());
			missing.removeAll(documented);
			Set<String> extra = new TreeSet<>(documented);
			extra.removeAll(properties.keySet());
			findings.add(where + ": properties differ; accepted but not documented " + missing
					+ ", documented but not accepted " + extra);
		}
		properties.forEach((name, propertyType) -> {
			if (documented.contains(name)) {
				compare(where + "." + name, propertyType, schema.path("properties").path(name), findings, seen);
			}
		});
	}

	/** The JSON properties Jackson reads into a record (or the fields of a plain class), with their types. */
	private static Map<String, ResolvableType> properties(Class<?> type) {
		Map<String, ResolvableType> properties = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.isAnnotationPresent(JsonIgnore.class) || ignoredField(type, component.getName())) {
					continue;
				}
				properties.put(jsonName(component.getName(), component.getAnnotation(JsonProperty.class)),
						ResolvableType.forType(component.getGenericType()));
			}
			return properties;
		}
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
						|| field.isAnnotationPresent(JsonIgnore.class)) {
					continue;
				}
				properties.putIfAbsent(jsonName(field.getName(), field.getAnnotation(JsonProperty.class)),
						ResolvableType.forField(field));
			}
		}
		return properties;
	}

	private static boolean ignoredField(Class<?> type, String name) {
		try {
			return type.getDeclaredField(name).isAnnotationPresent(JsonIgnore.class);
		}
		catch (NoSuchFieldException ex) {
			return false;
		}
	}

	private static String jsonName(String name, @Nullable JsonProperty property) {
		return (property != null && !property.value().isEmpty()) ? property.value() : name;
	}

	/** Whether Jackson reads the type as a JSON object of named properties (a request record, a nested value). */
	private static boolean isDataType(Class<?> type) {
		return !type.isPrimitive() && !type.isEnum() && !type.isArray() && !Map.class.isAssignableFrom(type)
				&& !Collection.class.isAssignableFrom(type) && !type.getName().startsWith("java.")
				&& !type.getName().startsWith("tools.jackson.") && !type.getName().startsWith("com.fasterxml.");
	}

	private static String jsonType(Class<?> type) {
		if (type == String.class || type == Character.class || type == char.class || type.isEnum()
				|| type == UUID.class || type == URI.class || Temporal.class.isAssignableFrom(type)
				|| type == java.time.Duration.class || type == java.time.ZoneId.class || type == Locale.class
				|| type == java.time.LocalTime.class || type == java.time.DayOfWeek.class) {
			return "string";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class || type == BigInteger.class || type == byte.class) {
			return "integer";
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class
				|| type == BigDecimal.class) {
			return "number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "boolean";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "array";
		}
		return "object";
	}

	/** The schema name springdoc gives a class: its {@code @Schema(name)}, or its simple name. */
	private static String schemaName(Class<?> type) {
		Schema annotation = type.getAnnotation(Schema.class);
		return (annotation != null && !annotation.name().isEmpty()) ? annotation.name() : type.getSimpleName();
	}

	private JsonNode schemaNamed(String name) {
		return this.document.path("components").path("schemas").path(name);
	}

	/** The schema a node refers to, directly or as the single member of an allOf/oneOf/anyOf. */
	private static @Nullable String reference(JsonNode schema) {
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			return ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : ref;
		}
		for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
			JsonNode members = schema.path(combinator);
			List<String> references = new ArrayList<>();
			for (JsonNode member : members) {
				String ref = reference(member);
				if (ref != null) {
					references.add(ref);
				}
			}
			if (references.size() == 1) {
				return references.get(0);
			}
		}
		return null;
	}

	private static Set<String> types(JsonNode schema) {
		Set<String> types = new TreeSet<>();
		JsonNode type = schema.path("type");
		if (type.isString()) {
			types.add(type.asString());
		}
		if (type.isArray()) {
			for (JsonNode each : type) {
				types.add(each.asString());
			}
		}
		types.remove("null");
		return types;
	}

}
