package org.mutualis.booking.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The organisation read model, fed by identity's events. */
public interface Organisations {

	/**
	 * Finds an organisation.
	 * @param id organisation id
	 * @return it, once identity announced it
	 */
	Optional<Organisation> find(String id);

	/**
	 * Finds several organisations in one read (a request needs both of its organisations).
	 * @param ids organisation ids
	 * @return those identity announced, by id
	 */
	Map<String, Organisation> findAll(Collection<String> ids);

	/**
	 * Records what an event says; absent values keep what was known.
	 * @param id organisation id
	 * @param status the standing after the event, or {@code null} when the event does not change it
	 * @param name name, if carried
	 * @param sector sector, if carried
	 * @param mrc MRC, if carried
	 * @param preferredLanguage preferred language, if carried
	 * @param changedAt time of the event
	 */
	void record(String id, @Nullable OrganisationStatus status, @Nullable String name, @Nullable String sector,
			@Nullable String mrc, @Nullable String preferredLanguage, Instant changedAt);

}
