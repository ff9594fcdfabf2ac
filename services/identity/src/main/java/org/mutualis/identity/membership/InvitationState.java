package org.mutualis.identity.membership;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.organisation.MembershipRole;

/**
 * Everything an {@link Invitation} holds, as stored and as shown.
 *
 * @param id id
 * @param organisationId the organisation
 * @param email the address invited
 * @param role the role offered
 * @param secretHash hash of the secret in the e-mailed link
 * @param invitedBy the manager who invited
 * @param createdAt when it was sent
 * @param expiresAt when it stops working
 * @param acceptedBy the person it was accepted for, once accepted
 * @param acceptedAt when it was accepted (also set, without {@code acceptedBy}, on invitations used before
 * acceptance and completion were told apart)
 * @param completedAt when the person had joined and the invitation was used up
 * @param withdrawnAt when a manager withdrew it before it was used (its link no longer works)
 */
public record InvitationState(String id, String organisationId, String email, MembershipRole role,
		String secretHash, String invitedBy, Instant createdAt, Instant expiresAt, @Nullable String acceptedBy,
		@Nullable Instant acceptedAt, @Nullable Instant completedAt, @Nullable Instant withdrawnAt) {
}
