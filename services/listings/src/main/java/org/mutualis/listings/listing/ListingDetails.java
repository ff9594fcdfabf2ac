package org.mutualis.listings.listing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Everything an owner writes about a listing.
 *
 * @param kind kind of resource
 * @param title title in French and/or English
 * @param description description in French and/or English
 * @param categoryCode code of a managed category
 * @param tags free tags
 * @param location where it is
 * @param timeZone IANA time zone of the availability rules, e.g. {@code America/Toronto}
 * @param bookableAtOnce quantity or capacity one booking may take at once
 * @param unit booking unit
 * @param costRecovery what the borrower pays back
 * @param marketValuePerUnit what the same would cost on the market, CAD per unit (for impact reports)
 * @param traits kind-specific attributes; none given when absent
 * @param availability opening windows and blackouts; none when absent
 * @param bookingPolicy booking rules
 * @param prerequisites conditions the borrower must accept
 * @param contact person to reach, shown to signed-in members only
 */
public record ListingDetails(ListingKind kind, Bilingual title, Bilingual description, String categoryCode,
		List<String> tags, Location location, String timeZone, int bookableAtOnce, BookingUnit unit,
		CostRecovery costRecovery, @Nullable BigDecimal marketValuePerUnit, Traits traits, Availability availability,
		BookingPolicy bookingPolicy, List<Bilingual> prerequisites, @Nullable Contact contact) {

	/** Time zone of a listing whose owner names none. */
	public static final String DEFAULT_TIME_ZONE = "America/Toronto";

	public ListingDetails {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		prerequisites = (prerequisites != null) ? List.copyOf(prerequisites) : List.of();
		timeZone = (timeZone == null || timeZone.isBlank()) ? DEFAULT_TIME_ZONE : timeZone;
		traits = (traits != null) ? traits : Traits.NONE;
		availability = (availability != null) ? availability : Availability.NONE;
	}

	/**
	 * Tells whether another version differs in what moderators look at: what it is, what it says, where it is,
	 * what it costs and what it requires. Opening hours, booking rules and contact are not substantive.
	 * @param other the other version
	 * @return whether a substantive field changed
	 */
	public boolean differsSubstantivelyFrom(ListingDetails other) {
		return this.kind != other.kind || !Objects.equals(this.title, other.title)
				|| !Objects.equals(this.description, other.description)
				|| !Objects.equals(this.categoryCode, other.categoryCode) || !Objects.equals(this.tags, other.tags)
				|| !Objects.equals(this.location, other.location) || !Objects.equals(this.traits, other.traits)
				|| !sameCost(this.costRecovery, other.costRecovery)
				|| !Objects.equals(this.prerequisites, other.prerequisites);
	}

	/** The same cost whatever the amount's scale: 40 and 40.0 are one price, and resending it is no edit. */
	private static boolean sameCost(@Nullable CostRecovery one, @Nullable CostRecovery other) {
		if (one == null || other == null) {
			return one == other;
		}
		if (one.mode() != other.mode()) {
			return false;
		}
		return (one.amount() == null || other.amount() == null) ? one.amount() == other.amount()
				: one.amount().compareTo(other.amount()) == 0;
	}

}
