package org.mutualis.identity.organisation.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.OrganisationStatus;

/** An organisation as the API shows it. */
record OrganisationResponse(String id, String name, LegalForm legalForm, String sector, String region, String mrc,
		String municipality, String contactEmail, @Nullable String contactPhone, Language preferredLanguage,
		OrganisationStatus status, @Nullable String statusReason, Instant registeredAt, Instant statusChangedAt) {
}
