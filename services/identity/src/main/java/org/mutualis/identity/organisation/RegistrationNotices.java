package org.mutualis.identity.organisation;

import org.mutualis.identity.person.Person;

/** Tells the owner of an address that someone tried to register an organisation with it. */
public interface RegistrationNotices {

	/**
	 * Tells the person, in their language, that their address was given again to register an organisation; the
	 * registrant is told nothing more than for a new address.
	 * @param owner the person who already has an account with that address
	 */
	void registeredAgain(Person owner);

}
