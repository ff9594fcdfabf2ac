package org.mutualis.identity.person;

/** E-mails a person the link that lets them choose a new password. */
public interface PasswordResetNotices {

	/**
	 * Sends the reset link.
	 * @param person the person, written to in their language
	 * @param secret the single-use secret to put in the link
	 */
	void resetRequested(Person person, String secret);

}
