package org.mutualis.identity.organisation;

import java.time.Instant;

/** A member's role in an organisation changed. */
public record MembershipRoleChanged(String organisationId, String personId, MembershipRole role,
		MembershipRole previousRole, Instant changedAt) implements OrganisationEvent {
}
