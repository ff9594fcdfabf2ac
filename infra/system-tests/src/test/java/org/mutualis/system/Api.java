package org.mutualis.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON client of the gateway, optionally carrying a bearer token. */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String gateway;

	private final @Nullable String token;

	Api(String gateway, @Nullable String token) {
		this.gateway = gateway;
		this.token = token;
	}

	Api as(String accessToken) {
		return new Api(this.gateway, accessToken);
	}

	Response get(String path) throws Exception {
		return send(request(path).GET());
	}

	Response post(String path, @Nullable String json) throws Exception {
		return send(request(path).header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Posts a decision about an object at the version the caller read (for moderation decisions).
	 */
	Response postAtVersionSeen(String objectPath, String action, @Nullable String json) throws Exception {
		String etag = get(objectPath).raw().headers().firstValue("ETag").orElseThrow();
		return send(request(objectPath + "/" + action).header("Content-Type", "application/json")
			.header("If-Match", etag)
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Finds, as an administrator, the id of a registered organisation by its name (a registration answers the same
	 * for every address, so it does not give the id).
	 */
	String registeredOrganisationNamed(String name) throws Exception {
		Response page = get("/api/identity/admin/organisations?status=REGISTERED&size=100");
		if (page.status() != 200) {
			throw new IllegalStateException("admin list answered " + page.status() + ": " + page.body());
		}
		for (JsonNode organisation : page.json()) {
			if (name.equals(organisation.get("name").asString())) {
				return organisation.get("id").asString();
			}
		}
		throw new IllegalStateException("no registered organisation named " + name);
	}

	Response put(String path, String json) throws Exception {
		return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	Response send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), response);
	}

	HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.gateway + path)).header("Accept-Language", "fr-CA");
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	/** One answer of the gateway. */
	record Response(int status, String contentType, String body, HttpResponse<String> raw) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

	}

}
