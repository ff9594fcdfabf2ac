package org.mutualis.notifications.directory;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The people read model. */
public interface People {

	/**
	 * Records what identity said of a person; absent values leave what is known.
	 * @param id person id
	 * @param email e-mail address
	 * @param displayName display name
	 * @param language preferred language
	 */
	void record(String id, @Nullable String email, @Nullable String displayName, @Nullable String language);

	/**
	 * Records whether a person administers the platform (told of every new report).
	 * @param id person id
	 * @param administrator whether they do
	 */
	void administrator(String id, boolean administrator);

	/**
	 * Finds a person.
	 * @param id person id
	 * @return the person, if identity told of them
	 */
	Optional<Person> find(String id);

}
