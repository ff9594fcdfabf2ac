package org.mutualis.booking.reservation.web;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Cancels a series, whole or from a time on.
 *
 * @param reason why, told to the other side
 * @param from cancel the occurrences starting at or after this instant; all not started when absent
 */
record SeriesCancelRequest(@NotBlank @Size(max = 1000) String reason, @Nullable Instant from) {
}
