package org.mutualis.notifications.directory;

import org.jspecify.annotations.Nullable;

/**
 * A person as notifications knows them from identity's events.
 *
 * @param id person id (the token's {@code sub})
 * @param email where e-mail goes; {@code null} when identity never said
 * @param displayName name shown in greetings
 * @param language preferred language, {@code fr} or {@code en}; {@code null} when identity never said
 */
public record Person(String id, @Nullable String email, @Nullable String displayName,
		@Nullable String language) {
}
