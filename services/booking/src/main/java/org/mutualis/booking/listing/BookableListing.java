package org.mutualis.booking.listing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Booking's copy of a listing, as its last event described it.
 *
 * @param id listing id
 * @param ownerOrganisationId the owning organisation
 * @param status last known status
 * @param kind {@code STAFF_TIME}, {@code EQUIPMENT}, {@code EXPERTISE} or {@code SPACE}
 * @param title its title
 * @param mrc regional county municipality of its location
 * @param bookableAtOnce most units one booking may take
 * @param capacity units that exist at once
 * @param unit booking unit
 * @param timeZone time zone of its rules
 * @param weekly opening windows
 * @param blackouts closed days
 * @param rules booking policy
 * @param costRecovery what borrowers pay back
 * @param marketValuePerUnit market value per unit, CAD, if known
 * @param prerequisites conditions a borrower must accept
 * @param changedAt time of the event that produced this state
 */
public record BookableListing(String id, String ownerOrganisationId, ListingStatus status, String kind, Title title,
		String mrc, int bookableAtOnce, int capacity, BookingUnit unit, ZoneId timeZone, List<WeeklyWindow> weekly,
		List<Blackout> blackouts, BookingRules rules, CostRecovery costRecovery, @Nullable BigDecimal marketValuePerUnit,
		List<Title> prerequisites, Instant changedAt) {

	/** @return whether it takes new requests: only while its last known status is {@link ListingStatus#PUBLISHED} */
	public boolean isBookable() {
		return this.status == ListingStatus.PUBLISHED;
	}

}
