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
 */
public record Traits(@Nullable Integer capacityPersons, @Nullable BigDecimal areaSquareMetres, @Nullable Integer quantity,
		@Nullable EquipmentCondition condition, List<String> skills, List<String> languages,
		@Nullable ServiceDelivery delivery) {

	public Traits {
		skills = (skills != null) ? List.copyOf(skills) : List.of();
		languages = (languages != null) ? List.copyOf(languages) : List.of();
	}

}
