package org.mutualis.gateway.ratelimit;

import java.time.Duration;

import org.mutualis.gateway.ratelimit.RateLimitProperties.Limit;
import reactor.core.publisher.Mono;

/** Counts one request against a caller's budget. */
interface Budget {

	/**
	 * Takes one request from the budget named {@code key}.
	 * @param key the caller's counter, for instance {@code person:<sub>}
	 * @param limit the budget
	 * @return the outcome
	 */
	Mono<Outcome> take(String key, Limit limit);

	/** What became of a request. */
	sealed interface Outcome {

		/** The request fits in the budget. */
		record Allowed(long remaining) implements Outcome {
		}

		/** The budget is spent; the caller may retry after the given delay. */
		record Exhausted(Duration retryAfter) implements Outcome {
		}

		/** The shared store could not count, and the configuration says to refuse rather than guess. */
		record Uncounted(Duration retryAfter) implements Outcome {
		}

	}

}
