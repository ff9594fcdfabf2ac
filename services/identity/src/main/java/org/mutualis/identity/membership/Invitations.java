package org.mutualis.identity.membership;

import java.time.Instant;
import java.util.Optional;

/** The invitations sent by managers. */
public interface Invitations {

	/**
	 * Finds an invitation by the hash of its secret.
	 * @param secretHash hash of the secret from the link
	 * @return the invitation, if any
	 */
	Optional<Invitation> findBySecretHash(String secretHash);

	/**
	 * Counts the invitations an organisation sent since a time.
	 * @param organisationId the organisation
	 * @param since the start of the period
	 * @return how many it sent
	 */
	long sentSince(String organisationId, Instant since);

	/**
	 * Stores a new or changed invitation, only if nobody else stored it since it was loaded: of two simultaneous
	 * acceptances, one wins.
	 * @param invitation the invitation
	 * @throws org.mutualis.platform.aggregate.StaleVersion when someone else changed it meanwhile
	 */
	void save(Invitation invitation);

}
