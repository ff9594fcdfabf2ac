package org.mutualis.listings.organisation;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The read model of organisations, fed by identity's events. */
public interface Organisations {

	/**
	 * Finds an organisation.
	 * @param id organisation id
	 * @return it, if identity told us about it
	 */
	Optional<Organisation> find(String id);

	/**
	 * Records what identity said about an organisation; fields given as {@code null} keep their value.
	 * @param id organisation id
	 * @param status new standing
	 * @param name name, if the event carried it
	 * @param mrc MRC, if carried
	 * @param municipality municipality, if carried
	 * @param changedAt when it happened
	 */
	void record(String id, OrganisationStatus status, @Nullable String name, @Nullable String mrc,
			@Nullable String municipality, Instant changedAt);

	/**
	 * Tells whether an organisation may offer resources.
	 * @param id organisation id
	 * @return its standing; unknown organisations are not approved
	 */
	default OrganisationStanding standingOf(String id) {
		return find(id).filter((organisation) -> organisation.status() == OrganisationStatus.APPROVED)
			.map((organisation) -> OrganisationStanding.APPROVED)
			.orElse(OrganisationStanding.NOT_APPROVED);
	}

}
