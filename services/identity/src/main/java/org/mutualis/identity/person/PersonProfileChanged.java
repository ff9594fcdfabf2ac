package org.mutualis.identity.person;

import java.time.Instant;

import org.mutualis.identity.common.Language;

/** A person changed the name shown to others or the language written to them; carries both as they now are. */
public record PersonProfileChanged(String personId, String displayName, Language preferredLanguage,
		Instant changedAt) implements PersonEvent {
}
