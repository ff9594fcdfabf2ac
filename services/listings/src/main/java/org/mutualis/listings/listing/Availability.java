package org.mutualis.listings.listing;

import java.util.List;

/**
 * When a resource may be booked: weekly opening windows minus blackout periods.
 *
 * @param weekly opening windows
 * @param blackouts closed periods
 */
public record Availability(List<WeeklyWindow> weekly, List<Blackout> blackouts) {

	/** No opening window and no blackout. */
	public static final Availability NONE = new Availability(null, null);

	public Availability {
		weekly = (weekly != null) ? List.copyOf(weekly) : List.of();
		blackouts = (blackouts != null) ? List.copyOf(blackouts) : List.of();
	}

}
