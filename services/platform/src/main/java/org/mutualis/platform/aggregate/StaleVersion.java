package org.mutualis.platform.aggregate;

import org.mutualis.platform.problem.Refusal;

/** Refusal of a write prepared on a version that is no longer the stored one (409 {@code stale-version}). */
public final class StaleVersion extends Refusal {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the refusal.
	 * @param id the aggregate
	 * @param expected the version the writer had
	 * @param actual the version stored, or {@code -1} when unknown
	 */
	public StaleVersion(String id, long expected, long actual) {
		super(Reason.CONFLICT, "stale-version", "problem.stale-version", java.util.List.of());
		initCause(new IllegalStateException(id + " expected at version " + expected + ", stored " + actual));
	}

}
