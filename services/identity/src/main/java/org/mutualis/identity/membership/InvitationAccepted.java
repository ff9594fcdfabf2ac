package org.mutualis.identity.membership;

import java.time.Instant;

/** Someone accepted an invitation for a person, who is to join the organisation. */
public record InvitationAccepted(String invitationId, String organisationId, String personId, Instant acceptedAt)
		implements InvitationEvent {
}
