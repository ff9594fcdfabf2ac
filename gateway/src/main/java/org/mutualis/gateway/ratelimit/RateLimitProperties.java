package org.mutualis.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;

/**
 * Typed rate-limit configuration.
 * @param enabled whether requests are counted at all
 * @param store where the counters live
 * @param whenRedisUnavailable what the Redis store does when Redis does not answer in time
 * @param redisTimeout how long a Redis round trip may take before Redis counts as unavailable
 * @param redisPauseAfterFailure how long the Redis store is left alone after a failure before it is tried again
 * @param trustedProxies how many proxies in front of the gateway may be believed in {@code X-Forwarded-For}; 0
 * keys anonymous callers by the socket address
 * @param authenticated budget of each person ({@code sub}) on calls with a valid token
 * @param anonymous budget of each client address on calls without a token
 * @param strict stricter budgets for sensitive calls (sign-in, registration, password reset, invitation acceptance,
 * e-mail verification, token endpoint), per client address and per target
 */
@ConfigurationProperties("mutualis.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("memory") Store store,
		@DefaultValue("local") RedisFallback whenRedisUnavailable, @DefaultValue("500ms") Duration redisTimeout,
		@DefaultValue("5s") Duration redisPauseAfterFailure,
		@DefaultValue("0") int trustedProxies, Limit authenticated,
		Limit anonymous, @DefaultValue List<StrictRule> strict) {

	public RateLimitProperties {
		if (trustedProxies < 0) {
			throw new IllegalArgumentException("mutualis.gateway.rate-limit.trusted-proxies must be >= 0");
		}
	}

	/** Where the counters live. */
	public enum Store {

		/** In this gateway instance only: each instance has its own budget per caller. */
		MEMORY,

		/** In Redis: all gateway instances share one budget per caller. */
		REDIS

	}

	/** What the Redis store does when Redis fails or is too slow. */
	public enum RedisFallback {

		/** Count in this instance's memory and log a warning: callers stay limited, per instance. */
		LOCAL,

		/** Refuse with 503 and {@code Retry-After}: no request passes uncounted. */
		REJECT

	}

	/**
	 * A budget: at most {@code requests} per {@code per}.
	 * @param requests requests allowed in a window
	 * @param per window length
	 */
	public record Limit(long requests, Duration per) {

		public Limit {
			if (requests < 1 || per.isNegative() || per.isZero()) {
				throw new IllegalArgumentException("a rate limit needs requests >= 1 and a positive period");
			}
		}

	}

	/**
	 * A stricter budget for a sensitive call (one that sends e-mail or tests a credential), counted per client
	 * address and, when {@code perTarget} is set, also per person or e-mail address the call is about. Rules with
	 * the same name share their counters.
	 * @param name short name, part of the counter key
	 * @param method the method, or {@code null} for all
	 * @param path a path pattern
	 * @param requests requests allowed in a window from one client address
	 * @param per window length
	 * @param perTarget the second budget, per target, or {@code null} for none
	 */
	public record StrictRule(String name, @Nullable HttpMethod method, String path, long requests, Duration per,
			@Nullable PerTarget perTarget) {

		Limit limit() {
			return new Limit(this.requests, this.per);
		}

	}

	/**
	 * A budget per target of a sensitive call, whoever sends it: the first of {@code fields} found in the request
	 * body (a field of a form, or a dotted path to a string in a JSON object, such as {@code manager.email}), or
	 * {@code $person}, the {@code sub} of the call's valid token. A call whose target cannot be found is counted per
	 * address only.
	 * @param fields where the target is read, in order
	 * @param requests requests allowed in a window for one target
	 * @param per window length
	 */
	public record PerTarget(List<String> fields, long requests, Duration per) {

		public PerTarget {
			if (fields.isEmpty()) {
				throw new IllegalArgumentException("a per-target rate limit needs at least one field");
			}
		}

		Limit limit() {
			return new Limit(this.requests, this.per);
		}

	}

}
