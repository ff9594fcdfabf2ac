package org.mutualis.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile variants of the documented example body of every write operation of an OpenAPI document: for each
 * field, walking nested objects and arrays (an array through its first element), and for the body itself — left
 * out, {@code null}, of the wrong JSON type, huge, an operator object. A variant knows whether the document
 * requires the field, so that a test can insist on a refusal where one is due.
 */
public final class HostileBodies {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String SCHEMAS = "#/components/schemas/";

	private HostileBodies() {
	}

	/** What a variant does to one field. */
	public enum Mutation {

		/** The field is left out (an array element: removed). */
		OMITTED,

		/** The field is {@code null}. */
		NULL,

		/** The field has a JSON type other than the documented one. */
		WRONG_TYPE,

		/** A 100,000-character string, 1e308, or an array of 10,000 elements. */
		HUGE,

		/** A query operator object, {@code {"$gt": ""}}. */
		OPERATOR

	}

	/**
	 * One call to make: an operation, the field changed and how.
	 * @param operation {@code "METHOD /path/{var}"}
	 * @param field the path of the field, {@code $} for the body itself, e.g. {@code $.availability.weekly[0]}
	 * @param mutation what was done to it
	 * @param required whether the document requires the field (and its parents), so that leaving it out or
	 * nulling it must be refused
	 * @param example the documented example body
	 */
	public record Variant(String operation, String field, Mutation mutation, boolean required, JsonNode example) {

		/**
		 * The body to send.
		 * @param overrides top-level fields the caller sets before the change (a link's token, say)
		 * @return the body as JSON text, or {@code null} for no body at all
		 */
		public @Nullable String body(Map<String, JsonNode> overrides) {
			JsonNode body = this.example.deepCopy();
			if (body instanceof ObjectNode object) {
				overrides.forEach(object::set);
			}
			if (this.field.equals("$")) {
				return switch (this.mutation) {
					case OMITTED -> null;
					case NULL -> "null";
					case WRONG_TYPE -> "[]";
					case HUGE -> "\"" + "x".repeat(100_000) + "\"";
					case OPERATOR -> "{\"$gt\":\"\"}";
				};
			}
			List<Object> steps = steps(this.field);
			JsonNode parent = body;
			for (Object step : steps.subList(0, steps.size() - 1)) {
				parent = (step instanceof Integer index) ? parent.get(index) : parent.get((String) step);
			}
			Object last = steps.get(steps.size() - 1);
			JsonNode original = (last instanceof Integer index) ? parent.get(index) : parent.get((String) last);
			JsonNode replacement = switch (this.mutation) {
				case OMITTED -> null;
				case NULL -> NODES.nullNode();
				case WRONG_TYPE -> wrongType(original);
				case HUGE -> huge(original);
				case OPERATOR -> NODES.objectNode().put("$gt", "");
			};
			if (parent instanceof ObjectNode object) {
				if (replacement == null) {
					object.remove((String) last);
				}
				else {
					object.set((String) last, replacement);
				}
			}
			else if (parent instanceof ArrayNode array) {
				if (replacement == null) {
					array.remove((Integer) last);
				}
				else {
					array.set((Integer) last, replacement);
				}
			}
			return body.toString();
		}

		@Override
		public String toString() {
			return this.operation + " " + this.field + " " + this.mutation.name().toLowerCase(Locale.ROOT)
					+ (this.required ? " (required)" : "");
		}

	}

	/**
	 * Every variant of every write operation that reads a JSON body.
	 * @param document the OpenAPI document
	 * @return the variants, in a stable order
	 */
	public static List<Variant> of(JsonNode document) {
		List<Variant> variants = new ArrayList<>();
		for (Map.Entry<String, JsonNode> operation : jsonWriteOperations(document).entrySet()) {
			JsonNode media = operation.getValue().path("requestBody").path("content").path("application/json");
			JsonNode example = media.path("example");
			for (Mutation mutation : Mutation.values()) {
				variants.add(new Variant(operation.getKey(), "$", mutation,
						operation.getValue().path("requestBody").path("required").asBoolean(false), example));
			}
			walk(document, operation.getKey(), example, media.path("schema"), "$", true, example, variants);
		}
		return variants;
	}

	/**
	 * The write operations (POST, PUT, PATCH, DELETE) whose body is JSON, with their documented example.
	 * @param document the OpenAPI document
	 * @return {@code "METHOD /path"} to the operation
	 */
	public static Map<String, JsonNode> jsonWriteOperations(JsonNode document) {
		Map<String, JsonNode> operations = new java.util.TreeMap<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String method = operation.getKey().toUpperCase(Locale.ROOT);
			if (List.of("POST", "PUT", "PATCH", "DELETE").contains(method)
					&& operation.getValue().path("requestBody").path("content").has("application/json")) {
				operations.put(method + " " + path.getKey(), operation.getValue());
			}
		}));
		return operations;
	}

	private static void walk(JsonNode document, String operation, JsonNode node, JsonNode schema, String path,
			boolean requiredSoFar, JsonNode example, List<Variant> variants) {
		JsonNode resolved = resolve(document, schema);
		if (node instanceof ObjectNode object) {
			List<String> required = new ArrayList<>();
			resolved.path("required").forEach((name) -> required.add(name.asString()));
			for (String name : object.propertyNames()) {
				String child = path + "." + name;
				boolean childRequired = requiredSoFar && required.contains(name);
				for (Mutation mutation : Mutation.values()) {
					variants.add(new Variant(operation, child, mutation, childRequired, example));
				}
				walk(document, operation, object.get(name), resolved.path("properties").path(name), child,
						childRequired, example, variants);
			}
		}
		else if (node instanceof ArrayNode array && !array.isEmpty()) {
			String child = path + "[0]";
			for (Mutation mutation : Mutation.values()) {
				// an element of a list is never optional: a null or removed element is the list's own business
				variants.add(new Variant(operation, child, mutation, false, example));
			}
			walk(document, operation, array.get(0), resolved.path("items"), child, false, example, variants);
		}
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		JsonNode current = schema;
		for (int depth = 0; depth < 5; depth++) {
			if (current.has("$ref")) {
				String ref = current.get("$ref").asString();
				current = document.path("components").path("schemas").path(ref.substring(SCHEMAS.length()));
				continue;
			}
			JsonNode single = null;
			for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
				if (current.path(combinator).size() == 1) {
					single = current.path(combinator).get(0);
				}
			}
			if (single == null) {
				return current;
			}
			current = single;
		}
		return current;
	}

	private static List<Object> steps(String field) {
		List<Object> steps = new ArrayList<>();
		for (String part : field.substring(2).split("\\.")) {
			int bracket = part.indexOf('[');
			String name = (bracket < 0) ? part : part.substring(0, bracket);
			if (!name.isEmpty()) {
				steps.add(name);
			}
			while (bracket >= 0) {
				int close = part.indexOf(']', bracket);
				steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
				bracket = part.indexOf('[', close);
			}
		}
		return steps;
	}

	private static JsonNode wrongType(@Nullable JsonNode original) {
		if (original == null || original.isString()) {
			return NODES.numberNode(12345);
		}
		if (original.isNumber() || original.isBoolean()) {
			return NODES.stringNode("pas un nombre");
		}
		if (original.isArray()) {
			return NODES.objectNode().put("item", "x");
		}
		return NODES.stringNode("pas un objet");
	}

	private static JsonNode huge(@Nullable JsonNode original) {
		if (original != null && original.isNumber()) {
			return NODES.numberNode(1e308);
		}
		if (original != null && original.isArray()) {
			ArrayNode many = NODES.arrayNode();
			JsonNode element = original.isEmpty() ? NODES.stringNode("x") : original.get(0);
			for (int i = 0; i < 10_000; i++) {
				many.add(element.deepCopy());
			}
			return many;
		}
		return NODES.stringNode("x".repeat(100_000));
	}

}
