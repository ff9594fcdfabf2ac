package org.mutualis.identity.common;

import java.util.Locale;
import java.util.regex.Pattern;

import org.mutualis.platform.problem.Refusal;

/** Normalises e-mail addresses so that uniqueness ignores case and surrounding spaces. */
public final class Emails {

	private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private Emails() {
	}

	/**
	 * Normalises an address.
	 * @param email the address as typed
	 * @return the trimmed, lower-cased address
	 */
	public static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Checks that an address has the shape of an e-mail address.
	 * @param email the address
	 * @param field the request field it came from
	 * @return the trimmed address
	 * @throws Refusal when it does not look like an address
	 */
	public static String requireValid(String email, String field) {
		String trimmed = email.trim();
		if (!SHAPE.matcher(trimmed).matches() || trimmed.length() > 254) {
			throw Refusal.invalidField("invalid-email", field);
		}
		return trimmed;
	}

}
