package org.mutualis.identity.person;

import java.time.Duration;

/**
 * When repeated failed sign-ins lock an account, and for how long.
 *
 * @param maxFailures consecutive failures that lock the account
 * @param lockDuration how long the lock lasts
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

	/** Five failures lock sign-in for fifteen minutes. */
	public static final LockoutPolicy STANDARD = new LockoutPolicy(5, Duration.ofMinutes(15));

	/**
	 * Tells whether this many consecutive failures lock the account.
	 * @param failures consecutive failures so far
	 * @return whether to lock
	 */
	public boolean locksAfter(int failures) {
		return failures >= this.maxFailures;
	}

}
