package org.mutualis.listings.listing;

import org.jspecify.annotations.Nullable;

/**
 * Where a resource is.
 *
 * @param municipality municipality name, e.g. {@code Salaberry-de-Valleyfield}
 * @param mrc regional county municipality, e.g. {@code Beauharnois-Salaberry}
 * @param address street address, optional
 * @param latitude WGS 84 latitude, given with the longitude or not at all
 * @param longitude WGS 84 longitude
 */
public record Location(String municipality, String mrc, @Nullable String address, @Nullable Double latitude,
		@Nullable Double longitude) {

	/** @return whether both coordinates are known */
	public boolean hasPoint() {
		return this.latitude != null && this.longitude != null;
	}

}
