package org.mutualis.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.mutualis.gateway.ratelimit.RateLimitProperties.Limit;
import reactor.core.publisher.Mono;

/**
 * Budgets kept in this instance's memory as Bucket4j buckets refilled once per window; a bucket idle for longer
 * than its window is full again, so it is dropped without losing anything.
 */
class LocalBudget implements Budget {

	private static final long SWEEP_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

	private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	private final AtomicLong nextSweep;

	LocalBudget() {
		this(System::nanoTime);
	}

	LocalBudget(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.nextSweep = new AtomicLong(nanoTime.getAsLong() + SWEEP_EVERY_NANOS);
	}

	@Override
	public Mono<Outcome> take(String key, Limit limit) {
		return Mono.fromSupplier(() -> takeNow(key, limit));
	}

	Outcome takeNow(String key, Limit limit) {
		long now = this.nanoTime.getAsLong();
		sweepIfDue(now);
		Entry entry = this.buckets.computeIfAbsent(key, (k) -> new Entry(bucket(limit), limit));
		entry.lastUsed.set(now);
		ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return new Outcome.Allowed(probe.getRemainingTokens());
		}
		return new Outcome.Exhausted(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	int size() {
		return this.buckets.size();
	}

	private void sweepIfDue(long now) {
		long due = this.nextSweep.get();
		if (now - due >= 0 && this.nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
			this.buckets.values().removeIf((entry) -> now - entry.lastUsed.get() > entry.limit.per().toNanos());
		}
	}

	private static Bucket bucket(Limit limit) {
		return Bucket.builder().addLimit(bandwidth(limit)).build();
	}

	/**
	 * @param limit a budget
	 * @return its bucket's configuration, the same in memory and in Redis: full at first, refilled once per window
	 */
	static BucketConfiguration configuration(Limit limit) {
		return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
	}

	private static Bandwidth bandwidth(Limit limit) {
		return Bandwidth.builder().capacity(limit.requests()).refillIntervally(limit.requests(), limit.per()).build();
	}

	private record Entry(Bucket bucket, Limit limit, AtomicLong lastUsed) {

		Entry(Bucket bucket, Limit limit) {
			this(bucket, limit, new AtomicLong());
		}

	}

}
