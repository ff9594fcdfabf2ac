package org.mutualis.notifications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Notifications' copy of the person events it reads ({@code mutualis.person.registered.v1}, {@code profile-changed},
 * {@code email-changed}, {@code administrator-granted}, {@code administrator-revoked}): the fields it uses, each
 * absent from the types that do not carry it.
 *
 * @param personId the person
 * @param email their e-mail address
 * @param displayName their display name
 * @param preferredLanguage {@code fr} or {@code en}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PersonFacts(@Nullable String personId, @Nullable String email, @Nullable String displayName,
		@Nullable String preferredLanguage) {
}
