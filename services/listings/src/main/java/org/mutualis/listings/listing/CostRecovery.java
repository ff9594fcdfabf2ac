package org.mutualis.listings.listing;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What the borrower pays back to the owner.
 *
 * @param mode free, a rate, or to agree
 * @param amount Canadian dollars per booking unit; only with {@link CostMode#RATE}
 */
public record CostRecovery(CostMode mode, @Nullable BigDecimal amount) {
}
