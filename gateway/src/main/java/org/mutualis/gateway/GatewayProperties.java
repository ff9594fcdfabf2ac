package org.mutualis.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * Typed configuration of the gateway: where the services live, which API calls need no token, CORS, body caps.
 * @param services where the instances of each service behind the gateway are
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
	 * Where each service's instances are: one base URL, or several separated by commas (each instance of a service
	 * started locally); in a cluster, the one address of its Kubernetes Service. The routes go to
	 * {@code lb://<service>} and the gateway balances over these ({@code balancing.ConfiguredInstances}).
	 * @param identity identity and authorization server
	 * @param listings listings
	 * @param booking booking
	 * @param notifications notifications
	 * @param web server-rendered user interface
	 */
	public record Services(@DefaultValue("http://localhost:9000") List<URI> identity,
			@DefaultValue("http://localhost:8081") List<URI> listings,
			@DefaultValue("http://localhost:8082") List<URI> booking,
			@DefaultValue("http://localhost:8083") List<URI> notifications,
			@DefaultValue("http://localhost:8084") List<URI> web) {

		public Services {
			for (List<URI> instances : List.of(identity, listings, booking, notifications, web)) {
				if (instances.isEmpty()) {
					throw new IllegalArgumentException("mutualis.gateway.services: every service needs an address");
				}
				for (URI instance : instances) {
					if (instance.getHost() == null || !("http".equals(instance.getScheme())
							|| "https".equals(instance.getScheme()))) {
						throw new IllegalArgumentException(
								"mutualis.gateway.services: '" + instance + "' is not an http(s) base URL");
					}
				}
			}
		}

		/** @return the instances of each service, by its name in {@code lb://<name>} */
		public Map<String, List<URI>> byName() {
			Map<String, List<URI>> byName = new LinkedHashMap<>();
			byName.put("identity", this.identity);
			byName.put("listings", this.listings);
			byName.put("booking", this.booking);
			byName.put("notifications", this.notifications);
			byName.put("web", this.web);
			return byName;
		}

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
