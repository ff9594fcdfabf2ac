package org.mutualis.identity.person;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Language;

/**
 * Everything a {@link Person} holds, as stored.
 *
 * @param id id
 * @param email e-mail address as registered
 * @param normalizedEmail e-mail address trimmed and lower-cased, unique
 * @param displayName display name
 * @param preferredLanguage language
 * @param passwordHash password hash
 * @param admin whether they administer the platform
 * @param emailVerified whether they proved they receive mail at their address
 * @param verificationTokenHash hash of the pending address confirmation secret
 * @param verificationExpiresAt expiry of the pending address confirmation
 * @param resetTokenHash hash of the pending reset secret
 * @param resetExpiresAt expiry of the pending reset
 * @param passwordChangedAt when they last chose a new password through a reset link, if ever
 * @param registeredAt when they registered
 * @param pendingEmail the address they asked to change to, not proven yet
 */
public record PersonState(String id, String email, String normalizedEmail, String displayName,
		Language preferredLanguage, String passwordHash, boolean admin,
		boolean emailVerified, @Nullable String verificationTokenHash, @Nullable Instant verificationExpiresAt,
		@Nullable String resetTokenHash, @Nullable Instant resetExpiresAt, @Nullable Instant passwordChangedAt,
		Instant registeredAt, @Nullable String pendingEmail) {
}
