package org.mutualis.identity.person;

/** Ends what keeps a person signed in to the clients: their authorizations and refresh tokens. */
public interface Signouts {

	/**
	 * Ends every authorization of a person, in every client.
	 * @param personId the person
	 */
	void signOutEverywhere(String personId);

}
