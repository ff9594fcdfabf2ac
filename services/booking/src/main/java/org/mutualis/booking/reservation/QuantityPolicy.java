package org.mutualis.booking.reservation;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/** One booking takes at most what the listing lets one booking take, and never more than exists. */
public final class QuantityPolicy {

	/**
	 * Checks a quantity.
	 * @param listing the listing
	 * @param quantity units asked for
	 * @return the verdict
	 */
	public PolicyResult check(BookableListing listing, int quantity) {
		int allowed = Math.min(listing.bookableAtOnce(), listing.capacity());
		if (quantity > allowed) {
			return new PolicyResult.Broken(
					Refusal.of(Reason.UNPROCESSABLE, "quantity-too-large", allowed).with("bookableAtOnce", allowed));
		}
		return PolicyResult.ALLOWED;
	}

}
