package org.mutualis.booking.reservation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What is stored and shown of a booking.
 *
 * @param id booking id
 * @param terms listing and organisations as they were at the request
 * @param requesterId the person who asked
 * @param quantity units taken
 * @param start first instant
 * @param end first instant after
 * @param status where it stands
 * @param message the requester's note
 * @param requestedAt when it was requested
 * @param expiresAt when an unanswered approval request expires
 * @param proposal the owner's pending counter-proposal
 * @param seriesId the series it belongs to
 * @param reason why it was declined or cancelled
 * @param decidedBy who confirmed, declined or cancelled it
 * @param reminderSentAt when its reminder was announced
 * @param quotaKey the monthly quota counter it takes a place in
 * @param changedAt time of its last transition
 * @param waitlistEntryId the waiting-list entry it was offered to, if any
 * @param offerPending whether it is a waiting-list offer the borrower has not accepted yet
 * @param requestDigest a digest of the request that created it with an idempotency key (listing, time, quantity,
 * prerequisites, message, series), so that a retry with the same key and another body is recognised
 */
public record BookingState(String id, BookingTerms terms, String requesterId, int quantity, Instant start, Instant end,
		BookingStatus status, @Nullable String message, Instant requestedAt, @Nullable Instant expiresAt,
		@Nullable Proposal proposal, @Nullable String seriesId, @Nullable String reason, @Nullable String decidedBy,
		@Nullable Instant reminderSentAt, @Nullable String quotaKey, Instant changedAt, @Nullable String waitlistEntryId,
		boolean offerPending, @Nullable String requestDigest) {
}
