package org.mutualis.identity.membership;

import java.util.Optional;

/** The invitations sent by managers. */
public interface Invitations {

	/**
	 * Stores a new invitation.
	 * @param invitation the invitation
	 */
	void add(Invitation invitation);

	/**
	 * Finds an invitation by the hash of its secret.
	 * @param secretHash hash of the secret from the link
	 * @return the invitation, if any
	 */
	Optional<Invitation> findBySecretHash(String secretHash);

	/**
	 * Marks an invitation used, only if it was still unused: of two simultaneous acceptances, one wins.
	 * @param accepted the invitation with its acceptance time
	 * @return whether this call used it
	 */
	boolean markAccepted(Invitation accepted);

}
