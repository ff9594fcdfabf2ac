package org.mutualis.identity.person;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mutualis.identity.common.Emails;

/**
 * How wrong passwords slow sign-in down, instead of locking an account: each scope (the account from one network
 * address, one address whatever the account, one account from anywhere) allows some failures, then makes its
 * next attempt wait, twice as long after each further failure, up to a ceiling. Nobody can lock an owner out: the
 * account-wide wait stays short, and the owner's own address has no failures. An unknown address is throttled
 * exactly like a real account, so the answers tell nothing about which accounts exist. Failures older than
 * {@link #FORGET_AFTER} no longer count.
 */
public final class SignInThrottle {

	/** How long after its last failure a scope starts afresh. */
	public static final Duration FORGET_AFTER = Duration.ofHours(1);

	private SignInThrottle() {
	}

	/** Where failures are counted, and how they slow the next attempt. */
	public enum Scope {

		/** One account from one address: guessing one person's password from one place. */
		ACCOUNT_FROM_ADDRESS(5, Duration.ofSeconds(5), Duration.ofMinutes(15)),
		/** One address, whatever the account: trying one password on many accounts. */
		ADDRESS(20, Duration.ofSeconds(5), Duration.ofMinutes(15)),
		/** One account from anywhere: guessing from many addresses; short, so the owner is never kept out long. */
		ACCOUNT(20, Duration.ofSeconds(1), Duration.ofSeconds(30));

		private final int freeFailures;

		private final Duration firstDelay;

		private final Duration maxDelay;

		Scope(int freeFailures, Duration firstDelay, Duration maxDelay) {
			this.freeFailures = freeFailures;
			this.firstDelay = firstDelay;
			this.maxDelay = maxDelay;
		}

		/**
		 * Tells how long after the last failure the next attempt must wait.
		 * @param failures failures counted in this scope
		 * @return the wait, zero while failures are still free
		 */
		public Duration delayAfter(int failures) {
			if (failures < this.freeFailures) {
				return Duration.ZERO;
			}
			int doublings = Math.min(failures - this.freeFailures, 20);
			Duration delay = this.firstDelay.multipliedBy(1L << doublings);
			return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
		}

	}

	/**
	 * Failures counted in one scope.
	 *
	 * @param failures how many
	 * @param lastFailureAt when the last one happened
	 */
	public record Failures(int failures, Instant lastFailureAt) {
	}

	/**
	 * The keys under which an attempt is counted.
	 * @param email the address typed, whether or not it has an account
	 * @param address the network address the attempt came from
	 * @return one key per scope
	 */
	public static Map<Scope, String> keys(String email, String address) {
		String account = Emails.normalize(email);
		return Map.of(Scope.ACCOUNT_FROM_ADDRESS, "account-from:" + account + "|" + address, Scope.ADDRESS,
				"address:" + address, Scope.ACCOUNT, "account:" + account);
	}

	/**
	 * Tells until when an attempt must wait.
	 * @param counted failures per scope (a scope without failures may be absent)
	 * @param now the current time
	 * @return when the next attempt is allowed, if that is later than now
	 */
	public static Optional<Instant> waitUntil(Map<Scope, Failures> counted, Instant now) {
		Instant until = null;
		for (Map.Entry<Scope, Failures> entry : counted.entrySet()) {
			Failures failures = entry.getValue();
			if (!now.isBefore(failures.lastFailureAt().plus(FORGET_AFTER))) {
				continue;
			}
			Instant allowed = failures.lastFailureAt().plus(entry.getKey().delayAfter(failures.failures()));
			if (allowed.isAfter(now) && (until == null || allowed.isAfter(until))) {
				until = allowed;
			}
		}
		return Optional.ofNullable(until);
	}

	/** @return the scopes a success clears: the owner's own address starts afresh */
	public static List<Scope> clearedBySuccess() {
		return List.of(Scope.ACCOUNT_FROM_ADDRESS);
	}

}
