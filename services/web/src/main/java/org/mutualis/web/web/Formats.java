package org.mutualis.web.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Localised amounts, dates, times and bilingual texts for the templates ({@code ${@fmt.money(x)}}): in French
 * (Québec) {@code 1 234,50 $} and 24-hour times, in English {@code $1,234.50}.
 */
@Component("fmt")
public class Formats {

	private static final Locale ENGLISH_CANADA = Locale.CANADA;

	/**
	 * @param amount a decimal amount in Canadian dollars (number or decimal string)
	 * @return the amount as the person writes it
	 */
	public String money(@Nullable Object amount) {
		if (amount == null || String.valueOf(amount).isBlank()) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(english() ? ENGLISH_CANADA : Locale.CANADA_FRENCH);
		format.setCurrency(Currency.getInstance("CAD"));
		return format.format(new BigDecimal(String.valueOf(amount)));
	}

	/**
	 * @param number a number
	 * @return the number with the person's separators
	 */
	public String number(@Nullable Object number) {
		if (number == null) {
			return "";
		}
		return NumberFormat.getNumberInstance(english() ? ENGLISH_CANADA : Locale.CANADA_FRENCH)
			.format(new BigDecimal(String.valueOf(number)));
	}

	/**
	 * @param localDateTime a local date-time ({@code 2026-12-01T09:00}) as a value or ISO text
	 * @return date and time, e.g. {@code 1 décembre 2026, 09:00} or {@code December 1, 2026, 9:00 a.m.}
	 */
	public String dateTime(@Nullable Object localDateTime) {
		LocalDateTime value = localDateTime(localDateTime);
		return (value != null) ? date(value.toLocalDate()) + ", " + time(value) : "";
	}

	/**
	 * @param localDateTime a local date-time as a value or ISO text
	 * @return its time of day, 24-hour in French
	 */
	public String time(@Nullable Object localDateTime) {
		LocalDateTime value = localDateTime(localDateTime);
		if (value == null) {
			return "";
		}
		return english() ? DateTimeFormatter.ofPattern("h:mm a", ENGLISH_CANADA).format(value)
				: DateTimeFormatter.ofPattern("HH:mm", Locale.CANADA_FRENCH).format(value);
	}

	/**
	 * @param date a local date (value or ISO text) or date-time
	 * @return the date in words, e.g. {@code 1 décembre 2026}
	 */
	public String date(@Nullable Object date) {
		LocalDate value = (date instanceof LocalDate d) ? d
				: (date instanceof LocalDateTime dt) ? dt.toLocalDate()
				: (date != null && String.valueOf(date).length() == 10) ? LocalDate.parse(String.valueOf(date))
				: (date != null) ? localDateTime(date).toLocalDate() : null;
		if (value == null) {
			return "";
		}
		return english() ? DateTimeFormatter.ofPattern("MMMM d, yyyy", ENGLISH_CANADA).format(value)
				: DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH).format(value);
	}

	/**
	 * @param instant an instant (value or ISO text)
	 * @param zone the time zone to show it in
	 * @return local date and time there
	 */
	public String instant(@Nullable Object instant, @Nullable String zone) {
		if (instant == null) {
			return "";
		}
		Instant value = (instant instanceof Instant i) ? i : OffsetDateTime.parse(String.valueOf(instant)).toInstant();
		return dateTime(LocalDateTime.ofInstant(value, ZoneId.of((zone != null) ? zone : "America/Toronto")));
	}

	/**
	 * @param bilingual a {@code {fr, en}} text
	 * @return the text in the person's language, else in the other one
	 */
	public String text(@Nullable Object bilingual) {
		if (!(bilingual instanceof Map<?, ?> texts)) {
			return (bilingual != null) ? String.valueOf(bilingual) : "";
		}
		Object wanted = texts.get(english() ? "en" : "fr");
		Object other = texts.get(english() ? "fr" : "en");
		return (wanted != null && !String.valueOf(wanted).isBlank()) ? String.valueOf(wanted)
				: (other != null) ? String.valueOf(other) : "";
	}

	private static @Nullable LocalDateTime localDateTime(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime;
		}
		return LocalDateTime.parse(String.valueOf(value));
	}

	private static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
