package org.mutualis.identity.membership;

import java.time.Instant;

/** The person an invitation was accepted for is a member: the invitation is used up. */
public record InvitationCompleted(String invitationId, String organisationId, String personId, Instant completedAt)
		implements InvitationEvent {
}
