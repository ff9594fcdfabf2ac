package org.mutualis.notifications.directory;

import java.util.List;
import java.util.Optional;

/** Who belongs to which organisation, and in which role: {@code MEMBER} or {@code MANAGER}. */
public interface Memberships {

	/** Role of the people who manage an organisation. */
	String MANAGER = "MANAGER";

	/**
	 * Records that a person joined an organisation or changed role.
	 * @param organisationId organisation
	 * @param personId person
	 * @param role their role now
	 */
	void join(String organisationId, String personId, String role);

	/**
	 * Records that a person left an organisation.
	 * @param organisationId organisation
	 * @param personId person
	 */
	void leave(String organisationId, String personId);

	/**
	 * The managers of an organisation.
	 * @param organisationId organisation
	 * @return their person ids, sorted
	 */
	List<String> managersOf(String organisationId);

	/**
	 * Everyone in an organisation, managers included.
	 * @param organisationId organisation
	 * @return their person ids, sorted
	 */
	List<String> membersOf(String organisationId);

	/**
	 * The role of a person in an organisation.
	 * @param organisationId organisation
	 * @param personId person
	 * @return the role, if they belong to it
	 */
	Optional<String> roleOf(String organisationId, String personId);

}
