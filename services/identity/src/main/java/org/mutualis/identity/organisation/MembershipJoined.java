package org.mutualis.identity.organisation;

import java.time.Instant;

/** A person joined an organisation. */
public record MembershipJoined(String organisationId, String personId, MembershipRole role, Instant joinedAt)
		implements OrganisationEvent {
}
