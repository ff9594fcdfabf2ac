package org.mutualis.booking.reservation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.BookingUnit;

/**
 * What a booking costs and is worth, counted in the listing's unit: the figures a completed booking states for the
 * ledger and the impact report.
 *
 * @param units units booked times the quantity: hours for {@link BookingUnit#HOUR}, four-hour blocks for
 * {@link BookingUnit#HALF_DAY}, local days for {@link BookingUnit#DAY}
 * @param amountDue what the borrower owes the owner, CAD with two decimals ("0.00" unless the listing charges a rate)
 * @param marketValue what the same use would cost on the market, CAD with two decimals, when the listing states it
 * @param hours the duration in hours times the quantity
 */
public record BookingCost(BigDecimal units, String amountDue, @Nullable String marketValue, double hours) {

	/**
	 * Counts the cost of a use of a listing.
	 * @param terms the listing's terms when it was requested
	 * @param range when
	 * @param quantity how many units at once
	 * @return the figures
	 */
	public static BookingCost of(BookingTerms terms, TimeRange range, int quantity) {
		BigDecimal units = units(terms, range, quantity);
		BigDecimal amountDue = ("RATE".equals(terms.costMode()) && terms.rate() != null) ? terms.rate().multiply(units)
				: BigDecimal.ZERO;
		BigDecimal marketValue = (terms.marketValuePerUnit() != null) ? terms.marketValuePerUnit().multiply(units) : null;
		double hours = range.duration().toMinutes() / 60.0 * quantity;
		return new BookingCost(units, money(amountDue), (marketValue != null) ? money(marketValue) : null, hours);
	}

	/**
	 * Units booked in the listing's unit, times the quantity.
	 * @param terms the listing's terms
	 * @param range when
	 * @param quantity how many units at once
	 * @return the units
	 */
	public static BigDecimal units(BookingTerms terms, TimeRange range, int quantity) {
		long minutes = range.duration().toMinutes();
		BigDecimal perUnit = switch (terms.unit()) {
			case HOUR -> BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
			case HALF_DAY -> BigDecimal.valueOf(minutes)
				.divide(BigDecimal.valueOf(BookingUnit.HALF_DAY_MINUTES), 2, RoundingMode.HALF_UP);
			case DAY -> BigDecimal.valueOf(localDays(terms, range));
		};
		return perUnit.multiply(BigDecimal.valueOf(quantity)).stripTrailingZeros();
	}

	private static long localDays(BookingTerms terms, TimeRange range) {
		ZoneId zone = ZoneId.of(terms.timeZone());
		return ChronoUnit.DAYS.between(range.start().atZone(zone).toLocalDate(),
				range.end().minusNanos(1).atZone(zone).toLocalDate()) + 1;
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
