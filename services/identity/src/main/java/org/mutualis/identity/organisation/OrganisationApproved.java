package org.mutualis.identity.organisation;

import java.time.Instant;

/** An administrator approved an organisation. */
public record OrganisationApproved(String organisationId, String name, String mrc, String municipality,
		Instant approvedAt) implements OrganisationEvent {
}
