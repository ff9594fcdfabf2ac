package org.mutualis.booking.reservation.web;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A weekly series requested in one go.
 *
 * @param listingId the listing
 * @param start first occurrence's start, ISO-8601 with offset
 * @param end first occurrence's end
 * @param quantity units; 1 when absent
 * @param everyWeeks weeks between occurrences (1 to 4); 1 when absent
 * @param until last local day an occurrence may start on (give this or {@code occurrences})
 * @param occurrences number of occurrences, at most 52 (give this or {@code until})
 * @param acceptPrerequisites whether the requester accepts the listing's prerequisites
 * @param message a note to the owner
 */
record SeriesRequest(@NotBlank @Size(max = 100) String listingId, @NotNull Instant start, @NotNull Instant end,
		@Nullable @Min(1) @Max(100000) Integer quantity, @Nullable @Min(1) @Max(4) Integer everyWeeks,
		@Nullable LocalDate until, @Nullable @Min(1) @Max(52) Integer occurrences, boolean acceptPrerequisites,
		@Nullable @Size(max = 2000) String message) {
}
