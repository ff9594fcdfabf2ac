package org.mutualis.notifications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Notifications' copy of {@code mutualis.person.registered.v1}: the fields it uses.
 *
 * @param personId the person
 * @param email their e-mail address
 * @param displayName their display name
 * @param preferredLanguage {@code fr} or {@code en}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PersonRegistered(@Nullable String personId, @Nullable String email, @Nullable String displayName,
		@Nullable String preferredLanguage) {
}
