package org.mutualis.listings.organisation;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

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
	 * Records what identity said about an organisation; fields given as {@code null} keep their value. When the
	 * organisation falls out of good standing or comes back to it, {@link OrganisationStandingChanged} is told.
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
	 * Tells whether an organisation is in good standing: not suspended nor rejected by the regional pôle. The
	 * published listings of an organisation out of good standing are hidden from everyone but its own people and
	 * administrators.
	 * @param id organisation id
	 * @return false only for a suspended or rejected organisation
	 */
	default boolean inGoodStanding(String id) {
		return find(id).map((organisation) -> organisation.status().inGoodStanding()).orElse(true);
	}

	/** @return the ids of the organisations out of good standing (suspended or rejected) */
	Set<String> outOfGoodStanding();

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
