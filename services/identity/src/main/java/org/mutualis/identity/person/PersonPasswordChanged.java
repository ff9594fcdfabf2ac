package org.mutualis.identity.person;

import java.time.Instant;

/** A person chose a new password: their access tokens issued until then are to be refused. Carries no secret. */
public record PersonPasswordChanged(String personId, Instant changedAt) implements PersonEvent {
}
