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
 * @param strict stricter budgets per client address for sensitive calls (login, registration, password reset)
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
	 * A stricter budget for a sensitive call, counted per client address.
	 * @param name short name, part of the counter key
	 * @param method the method, or {@code null} for all
	 * @param path a path pattern
	 * @param requests requests allowed in a window
	 * @param per window length
	 */
	public record StrictRule(String name, @Nullable HttpMethod method, String path, long requests, Duration per) {

		Limit limit() {
			return new Limit(this.requests, this.per);
		}

	}

}
