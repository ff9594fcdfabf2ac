package org.mutualis.notifications.web;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;

/**
 * Reads a whole number from a query parameter taken as text, so that an endpoint decides who may call it before it
 * looks at what it was given (a non-administrator gets 403 whatever the parameters, not 400 for a badly written
 * one). A number beyond what an {@code int} holds is read as the largest (or smallest) one, never wrapped round.
 */
public final class QueryNumbers {

	private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

	private QueryNumbers() {
	}

	/**
	 * Reads a parameter.
	 * @param text the parameter as given, if it was
	 * @param fallback the value when it was not (or is blank)
	 * @param refusal the refusal when it is not a whole number (a 400 naming the parameter)
	 * @return the number, held within the range of an {@code int}
	 * @throws Refusal {@code refusal} when the text is not a whole number
	 */
	public static int read(@Nullable String text, int fallback, Supplier<Refusal> refusal) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		String number = text.strip();
		if (!WHOLE.matcher(number).matches()) {
			throw refusal.get();
		}
		try {
			return Math.clamp(Long.parseLong(number), Integer.MIN_VALUE, Integer.MAX_VALUE);
		}
		catch (NumberFormatException ex) {
			// more digits than a long holds
			return number.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
		}
	}

}
