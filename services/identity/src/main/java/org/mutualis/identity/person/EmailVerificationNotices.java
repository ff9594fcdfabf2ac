package org.mutualis.identity.person;

/** E-mails a person the link that confirms they receive mail at their address, and tells a replaced address. */
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

	/**
	 * Tells the former address that the account now uses another one: a notice without any link that changes
	 * anything, so that a change the owner did not make does not go unnoticed.
	 * @param person the person, written to in their language, whose {@link Person#email()} is the new address
	 * @param formerAddress the address the account used until now
	 */
	void emailChanged(Person person, String formerAddress);

}
