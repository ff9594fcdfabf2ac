package org.mutualis.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.mutualis.gateway.ratelimit.RateLimitProperties.Limit;
import org.mutualis.gateway.ratelimit.RateLimitProperties.RedisFallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Budgets shared by every gateway instance: a fixed-window counter in Redis, incremented and given its expiry in
 * one atomic Lua script. When Redis fails or is slow, counts locally with a warning, or refuses, as configured.
 */
class RedisBudget implements Budget {

	private static final Logger log = LoggerFactory.getLogger(RedisBudget.class);

	private static final long WARN_EVERY_MILLIS = 30_000;


	/** Returns the count in the current window and the window's remaining milliseconds. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> WINDOW = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			local ttl = redis.call('PTTL', KEYS[1])
			if count == 1 or ttl < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[1])
			  ttl = tonumber(ARGV[1])
			end
			return {count, ttl}
			""", List.class);

	private final ReactiveStringRedisTemplate redis;

	private final Duration timeout;

	private final RedisFallback fallback;

	private final LocalBudget local;

	/** After a failure, Redis is left alone this long, so a dead Redis costs no latency and no blocked threads. */
	private final long pauseAfterFailureNanos;

	private final AtomicLong lastWarning = new AtomicLong();

	private volatile long pausedUntil = System.nanoTime();

	RedisBudget(ReactiveStringRedisTemplate redis, Duration timeout, Duration pauseAfterFailure, RedisFallback fallback,
			LocalBudget local) {
		this.redis = redis;
		this.timeout = timeout;
		this.pauseAfterFailureNanos = pauseAfterFailure.toNanos();
		this.fallback = fallback;
		this.local = local;
	}

	/**
	 * Opens the connection in the background, so that the first counted request does not pay for it.
	 * @return completion, never an error
	 */
	Mono<Void> connect() {
		return Mono.defer(() -> this.redis.hasKey("mutualis:rate:warm-up"))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnError((failure) -> log.warn("Redis rate-limit store not reachable at start-up ({})", failure.toString()))
			.onErrorComplete()
			.then();
	}

	@Override
	public Mono<Outcome> take(String key, Limit limit) {
		if (System.nanoTime() - this.pausedUntil < 0) {
			return fallback(key, limit);
		}
		// opening the connection may block, so it must not happen on an event-loop thread
		return Flux
			.defer(() -> this.redis.execute(WINDOW, List.of("mutualis:rate:" + key),
					List.of(Long.toString(limit.per().toMillis()))))
			.subscribeOn(Schedulers.boundedElastic())
			.collectList()
			.timeout(this.timeout)
			.map((reply) -> outcome(flatten(reply), limit))
			.onErrorResume((failure) -> unavailable(failure, key, limit));
	}

	private Outcome outcome(List<Long> reply, Limit limit) {
		long count = reply.get(0);
		long remainingMillis = Math.max(reply.get(1), 1);
		if (count <= limit.requests()) {
			return new Outcome.Allowed(limit.requests() - count);
		}
		return new Outcome.Exhausted(Duration.ofMillis(remainingMillis));
	}

	private Mono<Outcome> unavailable(Throwable failure, String key, Limit limit) {
		this.pausedUntil = System.nanoTime() + this.pauseAfterFailureNanos;
		long now = System.currentTimeMillis();
		long last = this.lastWarning.get();
		if (now - last >= WARN_EVERY_MILLIS && this.lastWarning.compareAndSet(last, now)) {
			log.warn("Redis rate-limit store unavailable ({}); {}", failure.toString(),
					(this.fallback == RedisFallback.LOCAL) ? "counting in this instance's memory meanwhile"
							: "refusing requests with 503 meanwhile");
		}
		return fallback(key, limit);
	}

	private Mono<Outcome> fallback(String key, Limit limit) {
		if (this.fallback == RedisFallback.LOCAL) {
			return this.local.take(key, limit);
		}
		return Mono.just(new Outcome.Uncounted(Duration.ofSeconds(5)));
	}

	private static List<Long> flatten(List<?> reply) {
		List<Long> numbers = new ArrayList<>();
		for (Object item : reply) {
			if (item instanceof List<?> nested) {
				numbers.addAll(flatten(nested));
			}
			else {
				numbers.add(((Number) item).longValue());
			}
		}
		if (numbers.size() != 2) {
			throw new IllegalStateException("Unexpected rate-limit script reply " + reply);
		}
		return numbers;
	}

}
