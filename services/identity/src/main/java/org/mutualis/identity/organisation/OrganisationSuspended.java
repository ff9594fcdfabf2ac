package org.mutualis.identity.organisation;

import java.time.Instant;

/** An administrator suspended an organisation. */
public record OrganisationSuspended(String organisationId, String reason, Instant suspendedAt)
		implements OrganisationEvent {
}
