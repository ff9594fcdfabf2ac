package org.mutualis.listings.organisation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * This service's copy of what it needs to know of an organisation.
 *
 * @param id organisation id
 * @param name display name
 * @param status standing
 * @param mrc regional county municipality
 * @param municipality municipality
 * @param changedAt when identity last changed it
 */
public record Organisation(String id, @Nullable String name, OrganisationStatus status, @Nullable String mrc,
		@Nullable String municipality, Instant changedAt) {
}
