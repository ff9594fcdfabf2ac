package org.mutualis.booking.ledger;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.mutualis.platform.problem.Refusal;

/** Reads a month as callers write it, {@code yyyy-MM}. */
public final class StatementMonth {

	private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}");

	private StatementMonth() {
	}

	/**
	 * Parses a month.
	 * @param text e.g. {@code 2026-11}
	 * @param field the request field it came from, named in the refusal
	 * @return the month
	 * @throws Refusal {@code invalid-month} (400) when it is not a {@code yyyy-MM} month
	 */
	public static YearMonth parse(String text, String field) {
		if (!SHAPE.matcher(text).matches()) {
			throw Refusal.invalidField("invalid-month", field);
		}
		YearMonth month;
		try {
			month = YearMonth.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw Refusal.invalidField("invalid-month", field);
		}
		// the years bookings may name (2000–2199): no booking, so no statement, lies outside them
		if (month.getYear() < 2000 || month.getYear() > 2199) {
			throw Refusal.invalidField("invalid-month", field);
		}
		return month;
	}

}
