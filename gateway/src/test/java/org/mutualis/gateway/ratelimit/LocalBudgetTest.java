package org.mutualis.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.mutualis.gateway.ratelimit.Budget.Outcome;
import org.mutualis.gateway.ratelimit.RateLimitProperties.Limit;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory budget without Spring: windows, refills and the sweeping of idle callers. */
class LocalBudgetTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final LocalBudget budget = new LocalBudget(this.now::get);

	private final Limit twoPerMinute = new Limit(2, Duration.ofMinutes(1));

	@Test
	void refusesBeyondTheBudgetAndSaysWhenToComeBack() {
		assertThat(this.budget.takeNow("a", this.twoPerMinute)).isInstanceOf(Outcome.Allowed.class);
		assertThat(this.budget.takeNow("a", this.twoPerMinute)).isInstanceOf(Outcome.Allowed.class);
		assertThat(this.budget.takeNow("a", this.twoPerMinute)).isInstanceOfSatisfying(Outcome.Exhausted.class,
				(exhausted) -> assertThat(exhausted.retryAfter()).isPositive()
					.isLessThanOrEqualTo(Duration.ofMinutes(1)));
		assertThat(this.budget.takeNow("b", this.twoPerMinute)).isInstanceOf(Outcome.Allowed.class);
	}

	@Test
	void forgetsCallersIdleLongerThanTheirWindow() {
		this.budget.takeNow("idle", this.twoPerMinute);
		this.now.addAndGet(Duration.ofMinutes(2).toNanos());
		this.budget.takeNow("active", this.twoPerMinute);
		assertThat(this.budget.size()).isEqualTo(1);
	}

}
