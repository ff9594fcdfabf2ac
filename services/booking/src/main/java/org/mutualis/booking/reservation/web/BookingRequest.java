package org.mutualis.booking.reservation.web;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A request for a listing's time.
 *
 * @param listingId the listing
 * @param start first instant, ISO-8601 with offset
 * @param end first instant after
 * @param quantity units (persons, items, parallel slots); 1 when absent
 * @param acceptPrerequisites whether the requester accepts the listing's prerequisites
 * @param message a note to the owner
 */
record BookingRequest(@NotBlank @Size(max = 100) String listingId, @NotNull Instant start, @NotNull Instant end,
		@Nullable @Min(1) @Max(100000) Integer quantity, boolean acceptPrerequisites,
		@Nullable @Size(max = 2000) String message) {
}
