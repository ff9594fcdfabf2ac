package org.mutualis.identity.person;

import java.time.Instant;

import org.mutualis.identity.common.Language;

/** A person has an account on the platform; carries neither password nor secret. */
public record PersonRegistered(String personId, String email, String displayName, Language preferredLanguage,
		Instant registeredAt) implements PersonEvent {
}
