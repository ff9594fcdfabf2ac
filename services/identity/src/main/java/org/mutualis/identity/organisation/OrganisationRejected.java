package org.mutualis.identity.organisation;

import java.time.Instant;

/** An administrator rejected an organisation. */
public record OrganisationRejected(String organisationId, String reason, Instant rejectedAt)
		implements OrganisationEvent {
}
