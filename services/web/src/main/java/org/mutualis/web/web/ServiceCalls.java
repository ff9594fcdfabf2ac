package org.mutualis.web.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.WebProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Calls the services at their internal addresses, as the signed-in person (their access token, refreshed through
 * the {@link OAuth2AuthorizedClientManager} when it has expired) or anonymously, in the person's language. A
 * problem answer becomes a {@link ServiceRefusal}; a service that cannot be reached, a {@link ServiceUnavailable};
 * a refresh token identity no longer knows sends the person to sign in again and back to the same page.
 */
@Component
public class ServiceCalls {

	/** The registration id of identity in web's OAuth2 client configuration. */
	public static final String REGISTRATION = "mutualis";

	/** The services web calls. */
	public enum Service {

		/** Organisations, people and roles. */
		IDENTITY,
		/** Listings, moderation and search. */
		LISTINGS,
		/** Availability and bookings. */
		BOOKING,
		/** Inboxes and conversations. */
		NOTIFICATIONS

	}

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient http;

	private final WebProperties properties;

	private final OAuth2AuthorizedClientManager clients;

	private final JsonMapper json;

	ServiceCalls(WebProperties properties, OAuth2AuthorizedClientManager clients, JsonMapper json) {
		this.properties = properties;
		this.clients = clients;
		this.json = json;
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(Duration.ofSeconds(15));
		this.http = RestClient.builder().requestFactory(factory).build();
	}

	/**
	 * Reads a JSON object.
	 * @param service the service
	 * @param path path and query, already encoded
	 * @return the object
	 */
	public Map<String, Object> get(Service service, String path) {
		return exchange(service, HttpMethod.GET, path, null, null).getBody();
	}

	/**
	 * Reads a JSON array of objects.
	 * @param service the service
	 * @param path path and query, already encoded
	 * @return the objects
	 */
	public List<Map<String, Object>> list(Service service, String path) {
		return callWithJson(service, HttpMethod.GET, path, null, null, (spec) -> spec.toEntity(LIST)).getBody();
	}

	/**
	 * Sends a JSON body (or none) and reads the JSON answer.
	 * @param service the service
	 * @param method the method
	 * @param path path, already encoded
	 * @param body the body, or {@code null}
	 * @param ifMatch the version the person saw, sent as {@code If-Match}, or {@code null}
	 * @return the answer, with its headers ({@code ETag})
	 */
	public ResponseEntity<Map<String, Object>> exchange(Service service, HttpMethod method, String path,
			@Nullable Object body, @Nullable Long ifMatch) {
		return exchange(service, method, path, body, ifMatch, Map.of());
	}

	/**
	 * Sends a JSON body (or none) with extra headers and reads the JSON answer.
	 * @param service the service
	 * @param method the method
	 * @param path path, already encoded
	 * @param body the body, or {@code null}
	 * @param ifMatch the version the person saw, sent as {@code If-Match}, or {@code null}
	 * @param headers more headers, e.g. {@code Idempotency-Key}
	 * @return the answer, with its headers ({@code ETag})
	 */
	public ResponseEntity<Map<String, Object>> exchange(Service service, HttpMethod method, String path,
			@Nullable Object body, @Nullable Long ifMatch, Map<String, String> headers) {
		ResponseEntity<Map<String, Object>> answer = call(service, method, path, ifMatch,
				(spec) -> spec.toEntity(MAP), (request) -> {
					headers.forEach(request::header);
					return (body != null) ? request.contentType(MediaType.APPLICATION_JSON).body(body) : request;
				});
		if (answer.getBody() == null) {
			return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(Map.of());
		}
		return answer;
	}

	/**
	 * Calls a service anonymously, as a visitor, even when a person is signed in: for the calls whose credential is
	 * in the address (an e-mail's unsubscribe token), which must work the same whoever follows the link and must not
	 * send anyone's access token along. The person's language still goes along.
	 * @param service the service
	 * @param method the method
	 * @param path path, already encoded
	 * @return the answer (an empty object when it has no body)
	 */
	public ResponseEntity<Map<String, Object>> exchangeAnonymously(Service service, HttpMethod method, String path) {
		ResponseEntity<Map<String, Object>> answer = call(service, method, path, null, null,
				(spec) -> spec.toEntity(MAP), (request) -> request);
		if (answer.getBody() == null) {
			return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(Map.of());
		}
		return answer;
	}

	/**
	 * Sends a body of another kind (a multipart form) and reads the JSON answer.
	 * @param service the service
	 * @param path path, already encoded
	 * @param body the body
	 * @param contentType its media type
	 * @return the answer
	 */
	public Map<String, Object> post(Service service, String path, Object body, MediaType contentType) {
		return call(service, HttpMethod.POST, path, null, (spec) -> spec.toEntity(MAP), (request) -> request
			.contentType(contentType)
			.body(body)).getBody();
	}

	/**
	 * Reads bytes (a photo) with their headers.
	 * @param service the service
	 * @param path path and query, already encoded
	 * @return the bytes and headers
	 */
	public ResponseEntity<byte[]> bytes(Service service, String path) {
		return callWithJson(service, HttpMethod.GET, path, null, null, (spec) -> spec.toEntity(byte[].class));
	}

	private <T> ResponseEntity<T> callWithJson(Service service, HttpMethod method, String path, @Nullable Object body,
			@Nullable Long ifMatch, Retrieval<T> retrieval) {
		return call(service, method, path, ifMatch, retrieval, (request) -> (body != null)
				? request.contentType(MediaType.APPLICATION_JSON).body(body) : request);
	}

	private <T> ResponseEntity<T> call(Service service, HttpMethod method, String path, @Nullable Long ifMatch,
			Retrieval<T> retrieval, java.util.function.UnaryOperator<RestClient.RequestBodySpec> withBody) {
		return call(service, method, path, token(), ifMatch, retrieval, withBody);
	}

	private <T> ResponseEntity<T> call(Service service, HttpMethod method, String path, @Nullable String token,
			@Nullable Long ifMatch, Retrieval<T> retrieval,
			java.util.function.UnaryOperator<RestClient.RequestBodySpec> withBody) {
		URI uri = URI.create(base(service).toString().replaceAll("/$", "") + path);
		RestClient.RequestBodySpec request = this.http.method(method).uri(uri).headers((headers) -> {
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language());
			if (token != null) {
				headers.setBearerAuth(token);
			}
			if (ifMatch != null) {
				headers.setIfMatch("\"" + ifMatch + "\"");
			}
		});
		try {
			return retrieval.retrieve(withBody.apply(request)
				.retrieve()
				.onStatus(HttpStatusCode::isError, (req, res) -> {
					if (res.getStatusCode().value() == 401 && token != null) {
						// the service no longer accepts the person's token (revoked, or the person was removed): sign in again
						throw new ClientAuthorizationRequiredException(REGISTRATION);
					}
					throw refusal(service, res.getStatusCode(), res.getBody().readAllBytes());
				}));
		}
		catch (ResourceAccessException ex) {
			throw new ServiceUnavailable(service.name().toLowerCase(Locale.ROOT), ex);
		}
	}

	private RuntimeException refusal(Service service, HttpStatusCode status, byte[] body) {
		if (status.is5xxServerError()) {
			return new ServiceUnavailable(service.name().toLowerCase(Locale.ROOT),
					new IOException(status + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8)));
		}
		Map<String, Object> problem;
		try {
			problem = this.json.readValue(body, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (RuntimeException ex) {
			problem = Map.of();
		}
		String type = String.valueOf(problem.getOrDefault("type", "")).replace("urn:mutualis:problem:", "");
		String detail = String.valueOf(problem.getOrDefault("detail", status.toString()));
		Map<String, String> fields = new LinkedHashMap<>();
		if (problem.get("errors") instanceof List<?> errors) {
			for (Object error : errors) {
				if (error instanceof Map<?, ?> field && field.get("field") != null) {
					fields.putIfAbsent(String.valueOf(field.get("field")), String.valueOf(field.get("message")));
				}
			}
		}
		return new ServiceRefusal(status, type, detail, fields);
	}

	private URI base(Service service) {
		WebProperties.Services services = this.properties.services();
		return switch (service) {
			case IDENTITY -> services.identity();
			case LISTINGS -> services.listings();
			case BOOKING -> services.booking();
			case NOTIFICATIONS -> services.notifications();
		};
	}

	private static String language() {
		// outside a page's request there is no person's language: French (Québec), the platform's first language
		org.springframework.context.i18n.LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = (context != null) ? context.getLocale() : null;
		return (locale != null && "en".equals(locale.getLanguage())) ? "en" : "fr-CA";
	}

	/**
	 * The signed-in person's current access token, refreshed if it expired; {@code null} for a visitor.
	 * @return the token or {@code null}
	 */
	public @Nullable String token() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof OAuth2AuthenticationToken)) {
			return null;
		}
		OAuth2AuthorizeRequest.Builder request = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
			.principal(authentication);
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			request.attribute(HttpServletRequest.class.getName(), attributes.getRequest());
			if (attributes.getResponse() != null) {
				request.attribute(HttpServletResponse.class.getName(), attributes.getResponse());
			}
		}
		OAuth2AuthorizedClient client;
		try {
			client = this.clients.authorize(request.build());
		}
		catch (ClientAuthorizationRequiredException ex) {
			throw ex;
		}
		catch (ClientAuthorizationException ex) {
			// identity no longer knows the refresh token (invalid_grant): sign in again and come back here
			throw new ClientAuthorizationRequiredException(REGISTRATION);
		}
		if (client == null) {
			throw new ClientAuthorizationRequiredException(REGISTRATION);
		}
		return client.getAccessToken().getTokenValue();
	}

	/**
	 * The organisation the signed-in person acts for, from their access token.
	 * @return its id, or {@code null} for a visitor or a person acting for none
	 */
	public @Nullable String actingOrganisation() {
		String token = token();
		if (token == null) {
			return null;
		}
		try {
			return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("org");
		}
		catch (java.text.ParseException ex) {
			return null;
		}
	}

	@FunctionalInterface
	private interface Retrieval<T> {

		ResponseEntity<T> retrieve(RestClient.ResponseSpec spec);

	}

}
