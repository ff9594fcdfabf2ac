package org.mutualis.identity.organisation;

import java.time.Instant;

/**
 * A person's membership of an organisation.
 *
 * @param personId the person
 * @param role their role
 * @param joinedAt when they joined
 */
public record Member(String personId, MembershipRole role, Instant joinedAt) {
}
