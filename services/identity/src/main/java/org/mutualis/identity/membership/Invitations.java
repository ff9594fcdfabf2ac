package org.mutualis.identity.membership;

import java.time.Instant;
import java.util.List;
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
	 * Finds an invitation by its id.
	 * @param id the id
	 * @return the invitation, if any
	 */
	Optional<Invitation> find(String id);

	/**
	 * Lists an organisation's invitations still waiting for their answer (not accepted, withdrawn or expired), the
	 * most recent first.
	 * @param organisationId the organisation
	 * @param now the current time
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return one page of them
	 */
	List<Invitation> pending(String organisationId, Instant now, long offset, int limit);

	/**
	 * Finds an organisation's invitation to an address that still waits for its answer (not accepted, withdrawn or
	 * expired), the address compared regardless of case and surrounding spaces.
	 * @param organisationId the organisation
	 * @param email the address
	 * @param now the current time
	 * @return the most recent such invitation, if any
	 */
	Optional<Invitation> pendingFor(String organisationId, String email, Instant now);

	/**
	 * Counts an organisation's invitations still waiting for their answer.
	 * @param organisationId the organisation
	 * @param now the current time
	 * @return how many there are
	 */
	long countPending(String organisationId, Instant now);

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
