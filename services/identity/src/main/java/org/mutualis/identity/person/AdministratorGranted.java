package org.mutualis.identity.person;

import java.time.Instant;

/** A person became an administrator of the platform (the regional hub). */
public record AdministratorGranted(String personId, Instant grantedAt) implements PersonEvent {
}
