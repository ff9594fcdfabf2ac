package org.mutualis.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import org.jspecify.annotations.Nullable;
import org.mutualis.gateway.ratelimit.RateLimitProperties.Limit;
import org.mutualis.gateway.ratelimit.RateLimitProperties.RedisFallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Budgets shared by every gateway instance: Bucket4j buckets kept in Redis ({@code mutualis:rate:<key>}, updated by
 * compare-and-swap, expiring once full again), the same buckets as {@link LocalBudget}'s. When Redis fails or is
 * slow, counts locally with a warning, or refuses, as configured.
 */
class RedisBudget implements Budget {

	private static final Logger log = LoggerFactory.getLogger(RedisBudget.class);

	private static final long WARN_EVERY_MILLIS = 30_000;

	private final Supplier<AbstractRedisClient> client;

	private final Duration timeout;

	private final RedisFallback fallback;

	private final LocalBudget local;

	/** After a failure, Redis is left alone this long, so a dead Redis costs no latency and no blocked threads. */
	private final long pauseAfterFailureNanos;

	private final AtomicLong lastWarning = new AtomicLong();

	private volatile long pausedUntil = System.nanoTime();

	private volatile @Nullable AsyncProxyManager<byte[]> buckets;

	/**
	 * @param client the Lettuce client of the application's Redis connection settings
	 * @param timeout the longest a request waits for Redis
	 * @param pauseAfterFailure how long Redis is left alone after it failed
	 * @param fallback what to do meanwhile
	 * @param local the budget counted meanwhile in {@link RedisFallback#LOCAL} mode
	 */
	RedisBudget(Supplier<AbstractRedisClient> client, Duration timeout, Duration pauseAfterFailure,
			RedisFallback fallback, LocalBudget local) {
		this.client = client;
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
		return Mono.fromRunnable(this::buckets)
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
		byte[] name = ("mutualis:rate:" + key).getBytes(StandardCharsets.UTF_8);
		// opening the connection blocks, so it must not happen on an event-loop thread
		return Mono
			.defer(() -> Mono.fromFuture(buckets().builder()
				.build(name, () -> CompletableFuture.completedFuture(LocalBudget.configuration(limit)))
				.tryConsumeAndReturnRemaining(1)))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.timeout)
			.map(RedisBudget::outcome)
			.onErrorResume((failure) -> unavailable(failure, key, limit));
	}

	private static Outcome outcome(ConsumptionProbe probe) {
		if (probe.isConsumed()) {
			return new Outcome.Allowed(probe.getRemainingTokens());
		}
		return new Outcome.Exhausted(Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1_000_000)));
	}

	/** Bucket4j's buckets in Redis, on a connection of their own opened at first use (and again after a failure). */
	private AsyncProxyManager<byte[]> buckets() {
		AsyncProxyManager<byte[]> current = this.buckets;
		if (current == null) {
			synchronized (this) {
				current = this.buckets;
				if (current == null) {
					AbstractRedisClient redis = this.client.get();
					var builder = (redis instanceof RedisClusterClient cluster) ? Bucket4jLettuce.casBasedBuilder(cluster)
							: Bucket4jLettuce.casBasedBuilder((RedisClient) redis);
					// a bucket full again is the same as none: its key expires then
					current = builder.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
						.build()
						.asAsync();
					this.buckets = current;
				}
			}
		}
		return current;
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

}
