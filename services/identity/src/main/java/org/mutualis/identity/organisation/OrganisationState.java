package org.mutualis.identity.organisation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything an {@link Organisation} holds, as stored and as shown.
 *
 * @param id id
 * @param profile what it says about itself
 * @param status where it stands with the regional hub
 * @param statusReason reason of the last rejection or suspension
 * @param registeredAt when it registered
 * @param statusChangedAt when its status last changed
 * @param members its members
 */
public record OrganisationState(String id, OrganisationProfile profile, OrganisationStatus status,
		@Nullable String statusReason, Instant registeredAt, Instant statusChangedAt, List<Member> members) {
}
