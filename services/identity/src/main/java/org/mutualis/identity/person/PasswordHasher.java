package org.mutualis.identity.person;

/** Hashes passwords with an adaptive function and checks them. */
public interface PasswordHasher {

	/**
	 * Hashes a password.
	 * @param password the password
	 * @return its hash, with the algorithm's identifier
	 */
	String hash(String password);

	/**
	 * Checks a password against a hash.
	 * @param password the password as typed
	 * @param hash the stored hash
	 * @return whether they match
	 */
	boolean matches(String password, String hash);

}
