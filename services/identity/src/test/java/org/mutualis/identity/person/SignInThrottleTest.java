package org.mutualis.identity.person;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.person.SignInThrottle.Failures;
import org.mutualis.identity.person.SignInThrottle.Scope;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

	private static final Instant NOW = Instant.parse("2026-03-02T14:05:00Z");

	@Test
	void delaysGrowFromTheSixthFailureOfOneAccountFromOneAddressUpToFifteenMinutes() {
		assertThat(Scope.ACCOUNT_FROM_ADDRESS.delayAfter(4)).isZero();
		assertThat(Scope.ACCOUNT_FROM_ADDRESS.delayAfter(5)).isEqualTo(Duration.ofSeconds(5));
		assertThat(Scope.ACCOUNT_FROM_ADDRESS.delayAfter(6)).isEqualTo(Duration.ofSeconds(10));
		assertThat(Scope.ACCOUNT_FROM_ADDRESS.delayAfter(500)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void theAccountWideWaitNeverKeepsTheOwnerOutLong() {
		assertThat(Scope.ACCOUNT.delayAfter(10_000)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void waitsForTheLongestScopeAndForgetsOldFailures() {
		Map<Scope, Failures> counted = Map.of(Scope.ACCOUNT_FROM_ADDRESS, new Failures(6, NOW), Scope.ACCOUNT,
				new Failures(20, NOW));
		assertThat(SignInThrottle.waitUntil(counted, NOW)).contains(NOW.plusSeconds(10));
		assertThat(SignInThrottle.waitUntil(counted, NOW.plusSeconds(10))).isEmpty();
		assertThat(SignInThrottle.waitUntil(Map.of(Scope.ADDRESS, new Failures(900, NOW)), NOW.plus(Duration.ofHours(1))))
			.isEmpty();
	}

	@Test
	void anUnknownAddressHasTheSameKeysAsARealOne() {
		assertThat(SignInThrottle.keys(" Quelqu.un@Example.test ", "192.0.2.1"))
			.containsEntry(Scope.ACCOUNT, "account:quelqu.un@example.test");
	}

}
