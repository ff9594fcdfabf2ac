package org.mutualis.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.mutualis.platform.web.Problems;

/**
 * The parts of a document every service shares: the {@code Problem} and {@code FieldError} schemas (RFC 9457 as
 * {@link org.mutualis.platform.web.ProblemAdvice} renders it), one reusable response per problem status, and the
 * bearer token scheme.
 */
final class ProblemComponents {

	/** Name of the bearer token security scheme. */
	static final String BEARER = "bearer-jwt";

	static final String PROBLEM = "Problem";

	static final String FIELD_ERROR = "FieldError";

	static final String PROBLEM_JSON = "application/problem+json";

	/** Reusable responses by status: component name, description, and an example problem type. */
	static final Map<Integer, StandardResponse> RESPONSES = standardResponses();

	private ProblemComponents() {
	}

	/**
	 * Adds the shared schemas, responses and security scheme to a document's components.
	 * @param components the document's components
	 * @param catalogue the problem types the service answers with
	 */
	static void addTo(Components components, Map<String, ProblemCatalogue.Messages> catalogue) {
		components.addSchemas(FIELD_ERROR, fieldError());
		components.addSchemas(PROBLEM, problem(catalogue));
		RESPONSES.forEach((status, response) -> components.addResponses(response.name(),
				response(status, response, catalogue)));
		components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("""
					Access token (RS256 JWT, audience mutualis-api, 5 minutes) issued by identity's authorization \
					server (/oauth2/token); sent as Authorization: Bearer <token>. \
					/ Jeton d’accès (JWT RS256, audience mutualis-api, 5 minutes) émis par le serveur \
					d’autorisation d’identity."""));
	}

	/**
	 * A reference to one of the shared responses.
	 * @param status the HTTP status
	 * @return the reference
	 */
	static ApiResponse reference(int status) {
		return new ApiResponse().$ref("#/components/responses/" + RESPONSES.get(status).name());
	}

	private static Schema<?> fieldError() {
		return object().description("A field of the request at fault, and what is wrong with it (in the caller's language).")
			.addProperty("field", string().description("Path of the field as the caller wrote it, e.g. title.fr or tags[2]")
				.examples(List.of("title.fr")))
			.addProperty("message", string().description("What is wrong with it")
				.examples(List.of("Ce champ est obligatoire.")))
			.required(List.of("field", "message"));
	}

	private static Schema<?> problem(Map<String, ProblemCatalogue.Messages> catalogue) {
		StringBuilder types = new StringBuilder("""
				Stable identifier of the problem: urn:mutualis:problem:<name>. The names this service answers with, \
				and their message (French / English):
				""");
		catalogue.forEach((name, messages) -> types.append("\n- `").append(name).append("`: ").append(messages.fr())
			.append(" / ").append(messages.en()));
		Schema<?> messages = object().description("The detail in both languages, whatever the caller's language")
			.addProperty("fr", string().description("French (Québec)"))
			.addProperty("en", string().description("English"))
			.required(List.of("fr", "en"));
		Schema<?> problem = object().description("""
				An RFC 9457 problem (application/problem+json): every refusal and failure of the API. `detail` is in \
				the caller's language (French by default, English with Accept-Language: en); `messages` holds both. \
				Other members may be added for a given type (e.g. what would be allowed instead).""")
			.addProperty("type", string().format("uri").pattern("^urn:mutualis:problem:[a-z0-9-]+$")
				.description(types.toString())
				.examples(catalogue.keySet().stream().limit(3).map((name) -> (Object) (Problems.TYPE_PREFIX + name)).toList()))
			.addProperty("title", string().description("Short summary of the status, in the caller's language"))
			.addProperty("status", integer().description("The HTTP status"))
			.addProperty("detail", string().description("What happened and what to do, in the caller's language"))
			.addProperty("instance", string().format("uri-reference").description("The request path"))
			.addProperty("messages", messages)
			.addProperty("errors", array(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
				.description("The fields at fault, when the request is invalid"))
			.required(List.of("type", "title", "status", "detail", "messages"));
		problem.setAdditionalProperties(Boolean.TRUE);
		return problem;
	}

	private static ApiResponse response(int status, StandardResponse standard,
			Map<String, ProblemCatalogue.Messages> catalogue) {
		ProblemCatalogue.Messages messages = catalogue.getOrDefault(standard.exampleType(),
				new ProblemCatalogue.Messages("", ""));
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", Problems.TYPE_PREFIX + standard.exampleType());
		example.put("title", standard.title());
		example.put("status", status);
		example.put("detail", messages.fr());
		example.put("messages", Map.of("fr", messages.fr(), "en", messages.en()));
		if (status == 400) {
			example.put("errors", List.of(Map.of("field", "email", "message", "doit être une adresse électronique bien formée")));
		}
		MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example);
		ApiResponse response = new ApiResponse().description(standard.description()).content(new Content().addMediaType(PROBLEM_JSON, media));
		if (status == 401) {
			response.addHeaderObject("WWW-Authenticate", new io.swagger.v3.oas.models.headers.Header()
				.description("Bearer").schema(string()));
		}
		if (status == 503) {
			response.addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
				.description("Seconds to wait before trying again").schema(integer()));
		}
		return response;
	}

	private static Map<Integer, StandardResponse> standardResponses() {
		Map<Integer, StandardResponse> responses = new LinkedHashMap<>();
		responses.put(400, new StandardResponse("BadRequest", "invalid-request", "Requête invalide",
				"Invalid input: a field, a parameter or the body is missing, malformed or breaks a rule (errors names the fields). / Requête invalide."));
		responses.put(401, new StandardResponse("Unauthorized", "unauthenticated", "Authentification requise",
				"No access token, or one that is expired, invalid or revoked. / Jeton absent, expiré, invalide ou révoqué."));
		responses.put(403, new StandardResponse("Forbidden", "forbidden", "Accès refusé",
				"The acting organisation or role may not do this to this object. / Action non permise pour cette organisation ou ce rôle."));
		responses.put(404, new StandardResponse("NotFound", "not-found", "Introuvable",
				"No such object, or the caller may not know it exists. / Objet introuvable."));
		responses.put(409, new StandardResponse("Conflict", "stale-version", "Conflit",
				"The object changed meanwhile (If-Match / version) or its state forbids this. / L’objet a changé ou son état l’interdit."));
		responses.put(422, new StandardResponse("UnprocessableContent", "invalid-request", "Règle non respectée",
				"Well-formed, but a business rule refuses it. / Une règle d’affaires le refuse."));
		responses.put(503, new StandardResponse("ServiceUnavailable", "store-unavailable", "Service indisponible",
				"The service's store is away for a moment; nothing was written; retry after Retry-After. / Service momentanément indisponible."));
		return java.util.Collections.unmodifiableMap(responses);
	}

	static Schema<?> object() {
		return typed("object");
	}

	static Schema<?> string() {
		return typed("string");
	}

	static Schema<?> integer() {
		return typed("integer");
	}

	static Schema<?> array(Schema<?> items) {
		return typed("array").items(items);
	}

	private static Schema<?> typed(String type) {
		Schema<?> schema = new Schema<>().specVersion(SpecVersion.V31);
		schema.setType(type);
		schema.types(Set.of(type));
		return schema;
	}

	/**
	 * One shared problem response.
	 * @param name its component name
	 * @param exampleType the problem type its example shows
	 * @param title the example's title
	 * @param description when it is answered
	 */
	record StandardResponse(String name, String exampleType, String title, String description) {
	}

}
