package org.mutualis.gateway.docs;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves {@code /api/docs}: a page (no inline script or style, as the CSP demands) that starts Swagger UI on the
 * services' OpenAPI documents ({@code /api/<service>/openapi.json}, routed to each service's {@code /v3/api-docs}),
 * Swagger UI's files under {@code /api/docs/ui/}, and the event contracts ({@code /api/docs/asyncapi.yaml} and the
 * JSON Schemas it refers to). These router functions are consulted before the gateway's routes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	/** RFC 9512; the file extension alone would be served as application/octet-stream. */
	private static final MediaType YAML = new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8);

	private static final Pattern WEBJAR_VERSION = Pattern.compile("/webjars/swagger-ui/([^/]+)/swagger-ui-bundle\\.js$");

	@Bean
	RouterFunction<ServerResponse> apiDocsRoutes() throws IOException {
		Resource page = new ClassPathResource("api-docs/index.html");
		return RouterFunctions
			.route(RequestPredicates.GET("/api/docs").or(RequestPredicates.GET("/api/docs/")),
					(request) -> ServerResponse.ok()
						.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
						.bodyValue(page))
			.andRoute(RequestPredicates.GET("/api/docs/asyncapi.yaml"),
					(request) -> ServerResponse.ok().contentType(YAML).bodyValue(new ClassPathResource("contracts/asyncapi.yaml")))
			.and(RouterFunctions.resources("/api/docs/ui/**", swaggerUi()))
			.and(RouterFunctions.resources("/api/docs/**", new ClassPathResource("api-docs/")))
			.and(RouterFunctions.resources("/api/docs/**", new ClassPathResource("contracts/")));
	}

	/** Swagger UI's folder in its webjar, whatever version the build brought. */
	private static Resource swaggerUi() throws IOException {
		Resource[] bundles = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/resources/webjars/swagger-ui/*/swagger-ui-bundle.js");
		for (Resource bundle : bundles) {
			Matcher matcher = WEBJAR_VERSION.matcher(bundle.getURL().toString());
			if (matcher.find()) {
				return new ClassPathResource("META-INF/resources/webjars/swagger-ui/" + matcher.group(1) + "/");
			}
		}
		throw new IllegalStateException("the swagger-ui webjar is not on the class path");
	}

}
