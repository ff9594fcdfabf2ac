package org.mutualis.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
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
		new RequestBodySchemas(this.document).compare(endpoint + " request body", ResolvableType.forMethodParameter(body),
				media.path("schema"), findings);
		if (this.bodyReader != null && this.validator != null) {
			new RequestBodyExamples(this.bodyReader, this.validator).check(endpoint, body, media.path("example"), findings);
		}
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

	private static Set<String> patterns(RequestMappingInfo info) {
		return (info.getPathPatternsCondition() != null) ? info.getPathPatternsCondition().getPatternValues()
				: info.getPatternValues();
	}

	/** {@code /x/{id:[0-9]+}} → {@code /x/{id}}, as the document writes it. */
	private static String normalise(String pattern) {
		return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
	}

}
