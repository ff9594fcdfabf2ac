package org.mutualis.booking.reservation.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The batch question: which of these listings can take this quantity over this range?
 *
 * @param listingIds the candidates, at most 500
 * @param quantity units wanted
 * @param start first instant, ISO-8601 with offset
 * @param end first instant after
 */
record AvailabilityRequest(@NotEmpty @Size(max = 500) List<@NotNull @Size(max = 100) String> listingIds,
		@Min(1) @Max(100000) int quantity, @NotNull Instant start, @NotNull Instant end) {
}
