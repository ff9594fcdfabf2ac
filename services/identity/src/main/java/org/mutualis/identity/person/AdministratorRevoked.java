package org.mutualis.identity.person;

import java.time.Instant;

/** A person is no longer an administrator of the platform. */
public record AdministratorRevoked(String personId, Instant revokedAt) implements PersonEvent {
}
