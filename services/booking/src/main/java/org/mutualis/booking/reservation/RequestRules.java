package org.mutualis.booking.reservation;

import java.time.Instant;

import org.mutualis.booking.listing.BookableListing;

/**
 * Every rule a new request (or a proposed time) must keep before it may take units in the listing's occupancy:
 * quantity, prerequisites, opening hours and blackouts, duration, notice and advance. Capacity, buffers and the
 * monthly quota are enforced by the conditional writes that take the units.
 */
public final class RequestRules {

	private final QuantityPolicy quantity = new QuantityPolicy();

	private final PrerequisitesPolicy prerequisites = new PrerequisitesPolicy();

	private final OpeningHoursPolicy openingHours = new OpeningHoursPolicy();

	private final DurationPolicy duration = new DurationPolicy();

	private final LeadTimePolicy leadTime = new LeadTimePolicy();

	/**
	 * Checks a request, first broken rule first.
	 * @param listing the listing
	 * @param range the requested time
	 * @param units units asked for
	 * @param prerequisitesAccepted whether the requester accepted the prerequisites
	 * @param now the current time
	 * @return the verdict of the first broken rule, or allowed
	 */
	public PolicyResult check(BookableListing listing, TimeRange range, int units, boolean prerequisitesAccepted,
			Instant now) {
		PolicyResult result = this.quantity.check(listing, units);
		if (result instanceof PolicyResult.Allowed) {
			result = this.prerequisites.check(listing, prerequisitesAccepted);
		}
		return (result instanceof PolicyResult.Allowed) ? checkTime(listing, range, now) : result;
	}

	/**
	 * Checks only where a range may lie (opening hours, blackouts, duration, notice, advance): for proposed times and
	 * for the search of the next free start.
	 * @param listing the listing
	 * @param range the time
	 * @param now the current time
	 * @return the verdict
	 */
	public PolicyResult checkTime(BookableListing listing, TimeRange range, Instant now) {
		PolicyResult result = this.openingHours.check(listing, range);
		if (result instanceof PolicyResult.Broken) {
			return result;
		}
		result = this.duration.check(listing, range);
		return (result instanceof PolicyResult.Broken) ? result : this.leadTime.check(listing, range, now);
	}

}
