package org.mutualis.booking.organisation;

import org.jspecify.annotations.Nullable;

/**
 * Booking's copy of an organisation.
 *
 * @param id organisation id
 * @param name its name, once an event carried it
 * @param status last known standing
 * @param sector its sector of activity, if registered with one
 * @param mrc its regional county municipality
 * @param preferredLanguage {@code fr} or {@code en}
 */
public record Organisation(String id, @Nullable String name, OrganisationStatus status, @Nullable String sector,
		@Nullable String mrc, String preferredLanguage) {

	/** Language assumed when identity did not say. */
	public static final String DEFAULT_LANGUAGE = "fr";

	/** @return whether its members may book: only when approved */
	public boolean mayBook() {
		return this.status == OrganisationStatus.APPROVED;
	}

	/** @return its name, or its id while no event carried a name */
	public String displayName() {
		return (this.name != null) ? this.name : this.id;
	}

}
