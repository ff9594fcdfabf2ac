package org.mutualis.identity.membership;

import org.mutualis.identity.common.Language;

/** E-mails an invitation to join an organisation. */
public interface InvitationNotices {

	/**
	 * Sends the invitation link.
	 * @param invitation the invitation
	 * @param secret the single-use secret to put in the link
	 * @param organisationName the inviting organisation's name
	 * @param language the language to write in
	 */
	void invited(Invitation invitation, String secret, String organisationName, Language language);

}
