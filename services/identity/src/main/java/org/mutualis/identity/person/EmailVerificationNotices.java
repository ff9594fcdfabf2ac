package org.mutualis.identity.person;

/** E-mails a person the link that confirms they receive mail at their address. */
public interface EmailVerificationNotices {

	/**
	 * Sends the confirmation link.
	 * @param person the person, written to in their language
	 * @param secret the single-use secret to put in the link
	 */
	void verificationRequested(Person person, String secret);

	/**
	 * Sends the link that proves a new address to that address.
	 * @param person the person, whose {@link Person#pendingEmail()} is the new address
	 * @param secret the single-use secret to put in the link
	 */
	void emailChangeRequested(Person person, String secret);

}
