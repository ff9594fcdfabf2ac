package org.mutualis.booking.impact;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.mutualis.booking.ledger.StatementMonth;
import org.mutualis.platform.problem.Refusal;

/**
 * The months an impact report covers, both included.
 *
 * @param from first month
 * @param to last month
 */
public record Period(YearMonth from, YearMonth to) {

	/** The longest period one report covers, in months. */
	public static final int MAX_MONTHS = 120;

	/**
	 * Reads a period as callers write it.
	 * @param from {@code yyyy-MM}
	 * @param to {@code yyyy-MM}, not before {@code from}, at most {@value #MAX_MONTHS} months in all
	 * @return the period
	 * @throws Refusal {@code invalid-month} or {@code invalid-period} (400) naming the field at fault
	 */
	public static Period parse(String from, String to) {
		YearMonth first = month(from, "from");
		YearMonth last = month(to, "to");
		if (last.isBefore(first) || ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
			throw Refusal.invalidField("invalid-period", "to", MAX_MONTHS);
		}
		return new Period(first, last);
	}

	private static YearMonth month(String text, String field) {
		return StatementMonth.parse(text, field);
	}

}
