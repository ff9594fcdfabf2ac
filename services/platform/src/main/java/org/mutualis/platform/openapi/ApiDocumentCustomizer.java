package org.mutualis.platform.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Completes the document springdoc builds from the controllers: the shared problem components, the problem
 * answers each operation can give, the bearer token on every operation that is not public, and an example for
 * every JSON request body that has none: the service's own {@code openapi/examples/<Schema>.json} where it wrote
 * one, otherwise one built from the schema.
 */
class ApiDocumentCustomizer implements GlobalOpenApiCustomizer {

	private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	private final Map<String, ProblemCatalogue.Messages> catalogue;

	private final List<PublicCall> publicCalls;

	/**
	 * Creates the customizer.
	 * @param catalogue the problem types of the service
	 * @param publicPaths the calls anyone may make without a token ({@code mutualis.security.public-paths})
	 */
	ApiDocumentCustomizer(Map<String, ProblemCatalogue.Messages> catalogue, List<String> publicPaths) {
		this.catalogue = catalogue;
		this.publicCalls = publicPaths.stream().map(PublicCall::parse).toList();
	}

	@Override
	public void customise(OpenAPI document) {
		if (document.getComponents() == null) {
			document.setComponents(new Components());
		}
		ProblemComponents.addTo(document.getComponents(), this.catalogue);
		if (document.getPaths() == null) {
			return;
		}
		document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			boolean anonymous = isPublic(method, path);
			if (!anonymous) {
				operation.addSecurityItem(new SecurityRequirement().addList(ProblemComponents.BEARER));
			}
			addProblemResponses(path, method, operation, anonymous);
			addBodyExample(operation, document.getComponents());
		}));
	}

	private void addProblemResponses(String path, PathItem.HttpMethod method, Operation operation, boolean anonymous) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		boolean hasInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		boolean write = WRITES.contains(method);
		add(operation, 400, hasInput);
		add(operation, 401, !anonymous);
		add(operation, 403, !anonymous);
		add(operation, 404, path.contains("{"));
		add(operation, 409, write);
		add(operation, 422, write);
		add(operation, 503, true);
	}

	private static void add(Operation operation, int status, boolean applies) {
		if (applies && !operation.getResponses().containsKey(String.valueOf(status))) {
			operation.getResponses().addApiResponse(String.valueOf(status), ProblemComponents.reference(status));
		}
	}

	private static void addBodyExample(Operation operation, Components components) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		operation.getRequestBody().getContent().forEach((type, media) -> {
			// a form with files shows Swagger UI's file picker, not an example
			if (type.contains("json") && media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())
					&& media.getSchema() != null) {
				Object example = ExampleValues.written(media.getSchema());
				if (example == null) {
					example = ExampleValues.of(media.getSchema(), components);
				}
				if (example != null) {
					media.setExample(example);
				}
			}
		});
	}

	private boolean isPublic(PathItem.HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return this.publicCalls.stream().anyMatch((call) -> call.matches(method, container));
	}

	/** One entry of {@code mutualis.security.public-paths}: {@code METHOD /pattern} or {@code /pattern}. */
	private record PublicCall(@Nullable HttpMethod method, PathPattern pattern) {

		static PublicCall parse(String entry) {
			String[] parts = entry.trim().split("\\s+", 2);
			return (parts.length == 2)
					? new PublicCall(HttpMethod.valueOf(parts[0].toUpperCase()), PathPatternParser.defaultInstance.parse(parts[1]))
					: new PublicCall(null, PathPatternParser.defaultInstance.parse(parts[0]));
		}

		boolean matches(PathItem.HttpMethod method, PathContainer path) {
			return (this.method == null || this.method.name().equals(method.name())) && this.pattern.matches(path);
		}

	}

}
