package org.mutualis.booking.impact;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * What one completed booking contributes to the impact figures.
 *
 * @param bookingId the booking (one fact per booking)
 * @param borrowerId the borrowing organisation
 * @param kind the kind of resource
 * @param month the month of the booking's local start, in the listing's time zone
 * @param mrc the MRC of the listing's location
 * @param borrowerSector the borrowing organisation's sector, if known
 * @param hours duration in hours × quantity
 * @param equipmentDays for equipment: local calendar days touched × quantity; otherwise 0
 * @param amountPaid what the borrower owed, CAD, exact
 * @param marketValue what the same use would cost on the market, CAD, if known
 */
public record UsageFact(String bookingId, String borrowerId, ResourceKind kind, YearMonth month, String mrc,
		@Nullable String borrowerSector, BigDecimal hours, long equipmentDays, BigDecimal amountPaid,
		@Nullable BigDecimal marketValue) {

	/**
	 * Counts equipment-days: one unit of equipment out on one local calendar day, however many hours of it.
	 * Precondition: the end is after the start.
	 * @param localStart start, local time of the listing
	 * @param localEnd end (exclusive), local time of the listing
	 * @param quantity units booked
	 * @return days touched × quantity
	 */
	public static long equipmentDays(LocalDateTime localStart, LocalDateTime localEnd, int quantity) {
		if (!localEnd.isAfter(localStart)) {
			throw new IllegalArgumentException("a booking ends after it starts");
		}
		// the end is exclusive: a booking ending at midnight does not touch the next day
		LocalDateTime lastMoment = localEnd.minusNanos(1);
		long days = ChronoUnit.DAYS.between(localStart.toLocalDate(), lastMoment.toLocalDate()) + 1;
		return days * quantity;
	}

	/** @return market value − amount paid, or {@code null} when the market value is unknown */
	public @Nullable BigDecimal savings() {
		return (this.marketValue != null) ? this.marketValue.subtract(this.amountPaid) : null;
	}

}
