package org.mutualis.identity.person;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The people of the platform, unique by e-mail address regardless of case. */
public interface People {

	/**
	 * Finds a person.
	 * @param id their id
	 * @return the person, if any
	 */
	Optional<Person> find(String id);

	/**
	 * Finds a person by e-mail address, ignoring case.
	 * @param email the address
	 * @return the person, if any
	 */
	Optional<Person> findByEmail(String email);

	/**
	 * Finds the person with a pending password reset.
	 * @param secretHash hash of the reset secret
	 * @return the person, if any
	 */
	Optional<Person> findByResetSecretHash(String secretHash);

	/**
	 * Finds the person with a pending confirmation of their address.
	 * @param secretHash hash of the confirmation secret
	 * @return the person, if any
	 */
	Optional<Person> findByVerificationSecretHash(String secretHash);

	/**
	 * Finds several people.
	 * @param ids their ids
	 * @return those that exist
	 */
	List<Person> findAll(Collection<String> ids);

	/**
	 * Finds the platform's administrators.
	 * @return every person who administers the platform, by e-mail address
	 */
	List<Person> findAdministrators();

	/**
	 * Stores a new or changed person with their events in one atomic write.
	 * @param person the person
	 */
	void save(Person person);

}
