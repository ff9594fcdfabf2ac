package org.mutualis.platform.test;

import java.lang.reflect.Field;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Compares a service's OpenAPI document with what its controllers really accept: every endpoint of the handler
 * mapping must be an operation of the document (and every operation an endpoint), and every {@code @RequestBody}
 * must be documented by a schema of its type's name with the same properties, of the same JSON types, down through
 * nested records. Paths the service serves outside its API (HTML pages) are named with {@link #ignoring}; with
 * {@link #checkingExamplesWith} each request body example must also be a body the service reads and accepts.
 *
 * <pre>{@code
 * String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
 * assertThat(OpenApiInventory.of(mapping, document).ignoring("/auth/**").findings()).isEmpty();
 * }</pre>
 */
public final class OpenApiInventory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SCHEMAS = "#/components/schemas/";

	private final RequestMappingHandlerMapping mapping;

	private final JsonNode document;

	private final List<PathPattern> ignored;

	private final @Nullable JsonMapper bodyReader;

	private final @Nullable Validator validator;

	private OpenApiInventory(RequestMappingHandlerMapping mapping, JsonNode document, List<PathPattern> ignored,
			@Nullable JsonMapper bodyReader, @Nullable Validator validator) {
		this.mapping = mapping;
		this.document = document;
		this.ignored = ignored;
		this.bodyReader = bodyReader;
		this.validator = validator;
	}

	/**
	 * Starts an inventory.
	 * @param mapping the service's handler mapping
	 * @param document the service's OpenAPI document as JSON text (what {@code /v3/api-docs} answers)
	 * @return the inventory
	 */
	public static OpenApiInventory of(RequestMappingHandlerMapping mapping, String document) {
		return new OpenApiInventory(mapping, JSON.readTree(document), List.of(), null, null);
	}

	/**
	 * Leaves out endpoints that are not part of the API, such as server-rendered pages.
	 * @param patterns path patterns, e.g. {@code /auth/**}
	 * @return a new inventory that ignores them
	 */
	public OpenApiInventory ignoring(String... patterns) {
		List<PathPattern> all = new ArrayList<>(this.ignored);
		for (String pattern : patterns) {
			all.add(PathPatternParser.defaultInstance.parse(pattern));
		}
		return new OpenApiInventory(this.mapping, this.document, List.copyOf(all), this.bodyReader, this.validator);
	}

	/**
	 * Also reads every request body example of the document as the service reads a body (its own JSON mapper, which
	 * refuses unknown fields) and validates it as the controller does: an example a caller could not send is a finding.
	 * @param bodyReader the service's JSON mapper
	 * @param validator the service's Bean Validation validator
	 * @return a new inventory that checks the examples
	 */
	public OpenApiInventory checkingExamplesWith(JsonMapper bodyReader, Validator validator) {
		return new OpenApiInventory(this.mapping, this.document, this.ignored, bodyReader, validator);
	}

	/** @return the application's endpoints, {@code "METHOD /path/{var}"}, ignored paths left out */
	public Set<String> endpoints() {
		return handlers().keySet();
	}

	/** @return the document's operations, {@code "METHOD /path/{var}"} */
	public Set<String> operations() {
		Set<String> operations = new TreeSet<>();
		this.document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String method = operation.getKey().toUpperCase(Locale.ROOT);
			if (Set.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE").contains(method)) {
				operations.add(method + " " + path.getKey());
			}
		}));
		return operations;
	}

	/**
	 * Everything that does not agree between the controllers and the document.
	 * @return one sentence per disagreement; empty when the document tells the truth
	 */
	public List<String> findings() {
		List<String> findings = new ArrayList<>();
		Map<String, HandlerMethod> handlers = handlers();
		Set<String> operations = operations();
		handlers.keySet().stream().filter((endpoint) -> !operations.contains(endpoint))
			.forEach((endpoint) -> findings.add(endpoint + " is not in the document"));
		operations.stream().filter((operation) -> !handlers.containsKey(operation))
			.forEach((operation) -> findings.add(operation + " is documented but no controller serves it"));
		handlers.forEach((endpoint, handler) -> {
			if (operations.contains(endpoint)) {
				checkBody(endpoint, handler, findings);
			}
		});
		return findings;
	}

	private Map<String, HandlerMethod> handlers() {
		Map<String, HandlerMethod> handlers = new TreeMap<>();
		this.mapping.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("org.mutualis")) {
				return;
			}
			for (String pattern : patterns(info)) {
				String path = normalise(pattern);
				if (this.ignored.stream().anyMatch((ignored) -> ignored.matches(PathContainer.parsePath(path)))) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					handlers.put("ANY " + path, method);
				}
				for (RequestMethod requestMethod : methods) {
					handlers.put(requestMethod.name() + " " + path, method);
				}
			}
		});
		return handlers;
	}

	private void checkBody(String endpoint, HandlerMethod handler, List<String> findings) {
		String[] methodAndPath = endpoint.split(" ", 2);
		JsonNode operation = this.document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
		MethodParameter body = null;
		Set<String> parts = new TreeSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				body = parameter;
			}
			else if (isFilePart(parameter)) {
				parts.add(partName(parameter));
			}
		}
		JsonNode documented = operation.path("requestBody");
		if (!parts.isEmpty()) {
			JsonNode form = documented.path("content").path("multipart/form-data").path("schema");
			Set<String> documentedParts = new TreeSet<>(form.path("properties").propertyNames());
			if (!documentedParts.containsAll(parts)) {
				findings.add(endpoint + " reads the multipart parts " + parts + " but documents " + documentedParts);
			}
			return;
		}
		if (body == null) {
			if (!documented.isMissingNode()) {
				findings.add(endpoint + " documents a request body but the controller reads none");
			}
			return;
		}
		JsonNode content = documented.path("content");
		if (content.isMissingNode() || content.isEmpty()) {
			findings.add(endpoint + " reads a request body of " + body.getParameterType().getSimpleName()
					+ " but the document shows none");
			return;
		}
		JsonNode media = content.has("application/json") ? content.get("application/json")
				: content.properties().iterator().next().getValue();
		compare(endpoint + " request body", ResolvableType.forMethodParameter(body), media.path("schema"), findings,
				new HashSet<>());
		if (this.bodyReader != null && this.validator != null) {
			checkExample(endpoint, body, media.path("example"), this.bodyReader, this.validator, findings);
		}
	}

	private static void checkExample(String endpoint, MethodParameter body, JsonNode example, JsonMapper reader,
			Validator validator, List<String> findings) {
		if (example.isMissingNode()) {
			findings.add(endpoint + " has no request body example");
			return;
		}
		Object value;
		try {
			value = reader.readValue(example.toString(), reader.constructType(body.getGenericParameterType()));
		}
		catch (JacksonException ex) {
			findings.add(endpoint + " example is not a body the service can read: " + ex.getOriginalMessage());
			return;
		}
		if (value == null) {
			findings.add(endpoint + " example is empty");
			return;
		}
		Set<ConstraintViolation<Object>> violations = validator.validate(value);
		violations.forEach((violation) -> findings.add(endpoint + " example breaks a rule: " + violation.getPropertyPath()
				+ " " + violation.getMessage()));
	}

	private static boolean isFilePart(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(RequestPart.class)
				|| MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
			return true;
		}
		Class<?> element = ResolvableType.forMethodParameter(parameter).asCollection().resolveGeneric(0);
		return element != null && MultipartFile.class.isAssignableFrom(element);
	}

	private static String partName(MethodParameter parameter) {
		RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		String name = (part != null) ? part.name() : (param != null) ? param.name() : "";
		return name.isEmpty() ? String.valueOf(parameter.getParameterName()) : name;
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
				if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) || field.isSynthetic()
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
		for (JsonNode each : type.isArray() ? type : JSON.createArrayNode()) {
			types.add(each.asString());
		}
		types.remove("null");
		return types;
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return (info.getPathPatternsCondition() != null) ? info.getPathPatternsCondition().getPatternValues()
				: info.getPatternValues();
	}

	/** {@code /x/{id:[0-9]+}} → {@code /x/{id}}, as the document writes it. */
	private static String normalise(String pattern) {
		return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
	}

}
