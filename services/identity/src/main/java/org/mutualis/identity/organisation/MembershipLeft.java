package org.mutualis.identity.organisation;

import java.time.Instant;

/** A person left an organisation or was removed from it. */
public record MembershipLeft(String organisationId, String personId, Instant leftAt) implements OrganisationEvent {
}
