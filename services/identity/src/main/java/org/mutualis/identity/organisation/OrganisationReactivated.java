package org.mutualis.identity.organisation;

import java.time.Instant;

/** An administrator reactivated a suspended organisation. */
public record OrganisationReactivated(String organisationId, Instant reactivatedAt) implements OrganisationEvent {
}
