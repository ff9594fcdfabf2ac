package org.mutualis.notifications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Notifications' copy of the organisation events ({@code mutualis.organisation.*.v1}): the fields it uses.
 *
 * @param organisationId the organisation
 * @param name its name (registration and approval carry it)
 * @param preferredLanguage its language (registration carries it)
 * @param reason the administrator's reason (rejection, suspension)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrganisationFacts(@Nullable String organisationId, @Nullable String name, @Nullable String preferredLanguage,
		@Nullable String reason) {
}
