package org.mutualis.identity.person;

import java.time.Instant;

/** A person proved a new e-mail address, which replaces the old one from now on. */
public record PersonEmailChanged(String personId, String email, Instant changedAt) implements PersonEvent {
}
