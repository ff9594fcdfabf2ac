package org.mutualis.booking.reservation.web;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Another time the owner proposes.
 *
 * @param start proposed start, ISO-8601 with offset
 * @param end proposed end
 * @param message a note to the requester
 */
record ProposalRequest(@NotNull Instant start, @NotNull Instant end, @Nullable @Size(max = 2000) String message) {
}
