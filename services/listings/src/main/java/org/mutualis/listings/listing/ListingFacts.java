package org.mutualis.listings.listing;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What other services need to know of a listing to book it: carried by published, updated and reinstated events.
 *
 * @param kind kind of resource
 * @param title titles
 * @param status current state
 * @param categoryCode category
 * @param municipality municipality
 * @param mrc regional county municipality
 * @param bookableAtOnce capacity or quantity one booking may take
 * @param capacity how many units exist at once (see {@link Traits#capacity(ListingKind)})
 * @param unit booking unit
 * @param timeZone time zone of the availability rules
 * @param availability opening windows and blackouts
 * @param bookingPolicy booking rules
 * @param costRecovery what the borrower pays back
 * @param marketValuePerUnit market value, CAD per unit
 * @param prerequisites conditions the borrower must accept
 */
public record ListingFacts(ListingKind kind, Bilingual title, ListingStatus status, String categoryCode,
		String municipality, String mrc, int bookableAtOnce, int capacity, BookingUnit unit, String timeZone,
		Availability availability, BookingPolicy bookingPolicy, CostRecovery costRecovery,
		@Nullable BigDecimal marketValuePerUnit, List<Bilingual> prerequisites) {
}
