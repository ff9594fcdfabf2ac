package org.mutualis.listings.listing;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The attributes that depend on the kind of resource: capacity and area of a space, quantity and condition of
 * equipment, skills, languages and delivery of staff time and expertise.
 *
 * @param capacityPersons how many people a space holds
 * @param areaSquareMetres floor area of a space
 * @param quantity how many identical items of equipment
 * @param condition state of the equipment
 * @param skills what the person can do
 * @param languages languages the person speaks, e.g. {@code fr}, {@code en}
 * @param delivery remote, on site or both
 * @param parallelSlots how many bookings staff time or expertise can serve at once (several people offering the
 * same time, or a session open to several organisations); 1 when absent
 */
public record Traits(@Nullable Integer capacityPersons, @Nullable BigDecimal areaSquareMetres, @Nullable Integer quantity,
		@Nullable EquipmentCondition condition, List<String> skills, List<String> languages,
		@Nullable ServiceDelivery delivery, @Nullable Integer parallelSlots) {

	/** No kind-specific attribute given. */
	public static final Traits NONE = new Traits(null, null, null, null, null, null, null, null);

	public Traits {
		skills = (skills != null) ? List.copyOf(skills) : List.of();
		languages = (languages != null) ? List.copyOf(languages) : List.of();
	}

	/**
	 * How many units of a resource of this kind exist at once: an equipment's quantity, a space's capacity in
	 * persons, the parallel slots of staff time or expertise; 1 when not given.
	 * @param kind the listing's kind
	 * @return at least 1
	 */
	public int capacity(ListingKind kind) {
		Integer units = switch (kind) {
			case EQUIPMENT -> this.quantity;
			case SPACE -> this.capacityPersons;
			case STAFF_TIME, EXPERTISE -> this.parallelSlots;
		};
		return (units != null && units > 0) ? units : 1;
	}

}
