package org.mutualis.web.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;

/**
 * What web checks in a form before asking a service: a number typed in a field is read as it was typed, never
 * replaced by a default or pulled into a range. A field left empty keeps its default; anything else that is not a
 * whole number (text, a decimal) or lies outside the field's range is refused beside the field, in the person's
 * language, and nothing is sent. The refusals read as a service's ({@link #refusal()}), so that the forms show them
 * as they show the services' own.
 */
public final class FormChecks {

	private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

	private static final Pattern AMOUNT = Pattern.compile("[+-]?\\d+([.,]\\d{1,2})?");

	private final MessageSource messages;

	private final Locale locale = LocaleContextHolder.getLocale();

	private final Map<String, String> refused = new LinkedHashMap<>();

	/**
	 * @param messages web's message bundles, for the refusals' words
	 */
	public FormChecks(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Reads a whole number.
	 * @param field the field's name, where a refusal is shown
	 * @param value what was typed ({@code null} or blank: the default)
	 * @param fallback the value of an empty field, {@code null} when the field is required
	 * @param min the smallest value taken
	 * @param max the largest value taken
	 * @return the number, or {@code null} when it is refused (or empty without a default)
	 */
	public @Nullable Integer wholeNumber(String field, @Nullable String value, @Nullable Integer fallback, int min,
			int max) {
		String typed = (value != null) ? value.strip() : "";
		if (typed.isEmpty()) {
			if (fallback == null) {
				refuse(field, "form.required");
			}
			return fallback;
		}
		if (!WHOLE.matcher(typed).matches()) {
			refuse(field, "form.number.whole");
			return null;
		}
		BigInteger number = new BigInteger(typed);
		if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
			refuse(field, "form.number.range", min, max);
			return null;
		}
		return number.intValueExact();
	}

	/**
	 * Reads an amount in dollars (a point or a comma before the cents, spaces between thousands).
	 * @param field the field's name
	 * @param value what was typed
	 * @return the amount, or {@code null} when it is empty or refused
	 */
	public @Nullable BigDecimal amount(String field, @Nullable String value) {
		String typed = (value != null) ? value.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").strip()
				: "";
		if (typed.isEmpty()) {
			return null;
		}
		if (!AMOUNT.matcher(typed).matches()) {
			refuse(field, "form.amount");
			return null;
		}
		return new BigDecimal(typed.replace(',', '.'));
	}

	/**
	 * Refuses a field with one of the bundles' messages.
	 * @param field the field's name
	 * @param key the message's key
	 * @param arguments its arguments
	 */
	public void refuse(String field, String key, Object... arguments) {
		this.refused.putIfAbsent(field, this.messages.getMessage(key, arguments, this.locale));
	}

	/** @return whether every field checked was taken */
	public boolean passed() {
		return this.refused.isEmpty();
	}

	/** @return the refusals, as a service's refusal naming each field */
	public ServiceRefusal refusal() {
		return new ServiceRefusal(HttpStatus.BAD_REQUEST, "invalid-form",
				this.messages.getMessage("form.invalid", null, this.locale), this.refused);
	}

}
