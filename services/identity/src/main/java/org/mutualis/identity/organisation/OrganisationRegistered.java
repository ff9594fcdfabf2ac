package org.mutualis.identity.organisation;

import java.time.Instant;

import org.mutualis.identity.common.Language;

/** An organisation registered and awaits approval. */
public record OrganisationRegistered(String organisationId, String name, LegalForm legalForm, String sector, String mrc,
		String municipality, Language preferredLanguage, Instant registeredAt) implements OrganisationEvent {
}
