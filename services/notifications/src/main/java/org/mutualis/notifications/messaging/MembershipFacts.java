package org.mutualis.notifications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Notifications' copy of the membership events ({@code mutualis.membership.*.v1}): the fields it uses.
 *
 * @param organisationId the organisation
 * @param personId the person
 * @param role their role now ({@code joined}, {@code role-changed}); absent when they left
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MembershipFacts(@Nullable String organisationId, @Nullable String personId, @Nullable String role) {
}
