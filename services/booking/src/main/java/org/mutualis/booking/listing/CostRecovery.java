package org.mutualis.booking.listing;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What a borrower pays back to the owner.
 *
 * @param mode {@code FREE}, {@code RATE} or {@code TO_AGREE}
 * @param amount CAD per unit with {@code RATE}, otherwise {@code null}
 */
public record CostRecovery(String mode, @Nullable BigDecimal amount) {
}
