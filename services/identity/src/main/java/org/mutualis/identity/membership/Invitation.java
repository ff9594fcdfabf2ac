package org.mutualis.identity.membership;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Emails;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

/**
 * An invitation a manager sends to join an organisation: single-use, valid for {@link #VALIDITY}; only a hash of
 * its secret is stored.
 *
 * @param id id
 * @param organisationId the organisation
 * @param email the address invited
 * @param role the role offered
 * @param secretHash hash of the secret in the e-mailed link
 * @param invitedBy the manager who invited
 * @param createdAt when it was sent
 * @param expiresAt when it stops working
 * @param acceptedAt when it was used, if it was
 */
public record Invitation(String id, String organisationId, String email, MembershipRole role, String secretHash,
		String invitedBy, Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt) {

	/** How long an invitation stays valid. */
	public static final Duration VALIDITY = Duration.ofDays(7);

	/**
	 * Creates an invitation.
	 * @param id new id
	 * @param organisationId the organisation
	 * @param email the address invited; must look like an e-mail address
	 * @param role the role offered
	 * @param secretHash hash of the secret that will be e-mailed
	 * @param invitedBy the inviting manager
	 * @param now the current time
	 * @return the invitation
	 */
	public static Invitation send(String id, String organisationId, String email, MembershipRole role,
			String secretHash, String invitedBy, Instant now) {
		return new Invitation(id, organisationId, Emails.requireValid(email, "email"), role, secretHash, invitedBy,
				now, now.plus(VALIDITY), null);
	}

	/**
	 * Uses the invitation. Preconditions: not used yet and not expired.
	 * @param now the current time
	 * @return the used invitation
	 */
	public Invitation accept(Instant now) {
		if (this.acceptedAt != null || !now.isBefore(this.expiresAt)) {
			throw Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid");
		}
		return new Invitation(this.id, this.organisationId, this.email, this.role, this.secretHash, this.invitedBy,
				this.createdAt, this.expiresAt, now);
	}

}
