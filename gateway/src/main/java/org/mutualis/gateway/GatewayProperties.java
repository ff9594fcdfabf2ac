package org.mutualis.gateway;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * Typed configuration of the gateway: where the services live, which API calls need no token, CORS, body caps.
 * @param services base URLs of the services behind the gateway
 * @param anonymousPaths API calls allowed without a token, each {@code "METHOD /pattern"} or {@code "/pattern"}
 * @param corsAllowedOrigins origins a browser may call the API from; empty means CORS is closed
 * @param bodyLimits request body caps, first match wins
 * @param defaultBodyLimit cap for requests no rule matches
 * @param jwtClockSkew tolerance when checking {@code exp} and {@code nbf}
 * @param contentSecurityPolicy the policy sent with every HTML answer
 * @param referrerPolicy the {@code Referrer-Policy} sent with every answer
 */
@ConfigurationProperties("mutualis.gateway")
public record GatewayProperties(@DefaultValue Services services, @DefaultValue List<String> anonymousPaths,
		@DefaultValue List<String> corsAllowedOrigins, @DefaultValue List<BodyLimit> bodyLimits,
		@DefaultValue("1MB") DataSize defaultBodyLimit, @DefaultValue("30s") Duration jwtClockSkew,
		@DefaultValue("default-src 'self'; frame-ancestors 'none'") String contentSecurityPolicy,
		@DefaultValue("strict-origin-when-cross-origin") String referrerPolicy) {

	public GatewayProperties {
		for (String path : anonymousPaths) {
			if (!path.contains("/")) {
				throw new IllegalArgumentException("mutualis.gateway.anonymous-paths: '" + path
						+ "' must be 'METHOD /pattern' or '/pattern'");
			}
		}
		if (!contentSecurityPolicy.contains("frame-ancestors")) {
			throw new IllegalArgumentException("mutualis.gateway.content-security-policy must set frame-ancestors");
		}
		if (jwtClockSkew.isNegative() || jwtClockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("mutualis.gateway.jwt-clock-skew must be between 0 and 5 minutes");
		}
	}

	/**
	 * Base URLs of the services; the routes in {@code application.yml} read them.
	 * @param identity identity and authorization server
	 * @param listings listings
	 * @param booking booking
	 * @param notifications notifications
	 * @param web server-rendered user interface
	 */
	public record Services(@DefaultValue("http://localhost:9000") String identity,
			@DefaultValue("http://localhost:8081") String listings,
			@DefaultValue("http://localhost:8082") String booking,
			@DefaultValue("http://localhost:8083") String notifications,
			@DefaultValue("http://localhost:8084") String web) {
	}

	/**
	 * A cap on the size of request bodies matching a method and a path pattern.
	 * @param method the method, or {@code null} for all
	 * @param path a path pattern such as {@code /api/listings/{id}/photos}
	 * @param max the largest body accepted
	 */
	public record BodyLimit(@Nullable HttpMethod method, String path, DataSize max) {
	}

}
