package org.mutualis.booking.reservation;

import org.mutualis.platform.problem.Refusal;

/** The verdict of one booking rule. */
public sealed interface PolicyResult {

	/** The rule is kept. */
	PolicyResult ALLOWED = new Allowed();

	/** The request keeps the rule. */
	record Allowed() implements PolicyResult {
	}

	/**
	 * The request breaks the rule.
	 * @param refusal the problem to answer, naming the rule and what would be allowed instead
	 */
	record Broken(Refusal refusal) implements PolicyResult {
	}

	/**
	 * Throws the refusal of a broken rule.
	 * @throws Refusal when the rule is broken
	 */
	default void orRefuse() {
		if (this instanceof Broken broken) {
			throw broken.refusal();
		}
	}

}
