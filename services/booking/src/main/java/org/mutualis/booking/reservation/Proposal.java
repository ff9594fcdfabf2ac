package org.mutualis.booking.reservation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Another time the owner proposes for a pending request.
 *
 * @param range the proposed time
 * @param message the owner's note, if any
 * @param proposedBy the manager who proposed it
 * @param proposedAt when
 */
public record Proposal(TimeRange range, @Nullable String message, String proposedBy, Instant proposedAt) {
}
