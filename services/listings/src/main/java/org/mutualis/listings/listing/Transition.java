package org.mutualis.listings.listing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a listing's audit trail: who moved it from which state to which, when and why.
 *
 * @param at when
 * @param actorId person who acted ({@code sub})
 * @param from previous state, absent at creation
 * @param to new state
 * @param reason the reason given, if any
 */
public record Transition(Instant at, String actorId, @Nullable ListingStatus from, ListingStatus to,
		@Nullable String reason) {
}
