package org.mutualis.notifications.directory;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The organisations read model. */
public interface Organisations {

	/**
	 * Records what identity said of an organisation; absent values leave what is known.
	 * @param id organisation id
	 * @param status new standing, if the event changes it
	 * @param name name, if the event carries it
	 * @param language preferred language, if the event carries it
	 * @param at when identity said it
	 */
	void record(String id, @Nullable String status, @Nullable String name, @Nullable String language, Instant at);

	/**
	 * Finds an organisation.
	 * @param id organisation id
	 * @return it, if identity told of it
	 */
	Optional<Organisation> find(String id);

}
