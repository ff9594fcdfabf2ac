package org.mutualis.identity.membership;

import java.time.Instant;

import org.mutualis.identity.organisation.MembershipRole;

/** A manager invited someone to join their organisation; carries neither the address nor the secret. */
public record InvitationSent(String invitationId, String organisationId, MembershipRole role, String invitedBy,
		Instant sentAt) implements InvitationEvent {
}
