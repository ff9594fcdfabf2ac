package org.mutualis.booking.reservation;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/** A borrower accepts the listing's prerequisites before booking it. */
public final class PrerequisitesPolicy {

	/**
	 * Checks the acceptance.
	 * @param listing the listing
	 * @param accepted whether the requester accepted its prerequisites
	 * @return the verdict
	 */
	public PolicyResult check(BookableListing listing, boolean accepted) {
		if (listing.prerequisites().isEmpty() || accepted) {
			return PolicyResult.ALLOWED;
		}
		return new PolicyResult.Broken(Refusal.of(Reason.UNPROCESSABLE, "prerequisites-not-accepted")
			.with("prerequisites", listing.prerequisites().stream().map((p) -> (p.fr() != null) ? p.fr() : p.en()).toList()));
	}

}
