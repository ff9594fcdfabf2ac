package org.mutualis.booking.reservation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why a booking is declined or cancelled.
 *
 * @param reason the text the other side reads
 */
record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
}
