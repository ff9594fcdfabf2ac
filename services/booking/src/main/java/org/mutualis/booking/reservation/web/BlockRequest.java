package org.mutualis.booking.reservation.web;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Hours an owner blocks.
 *
 * @param start first instant, ISO-8601 with offset
 * @param end first instant after
 * @param reason why (maintenance, own use)
 */
record BlockRequest(@NotNull Instant start, @NotNull Instant end, @NotBlank @Size(max = 500) String reason) {
}
