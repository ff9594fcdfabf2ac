package org.mutualis.identity.common;

import java.util.Locale;
import java.util.regex.Pattern;

import org.mutualis.platform.problem.Refusal;

/**
 * Normalises e-mail addresses so that uniqueness ignores case and surrounding spaces, and checks their shape. An
 * address is not cleaned like other text ({@link Texts}): changing it would send mail elsewhere, so one with a space,
 * a control character or an invisible formatting character (a direction override, a zero-width space…) is refused.
 */
public final class Emails {

	/** One part of an address: no {@code @}, no space or separator, no control or invisible formatting character. */
	private static final String PART = "[^@\\s\\p{Z}\\p{Cc}\\p{Cf}]+";

	private static final Pattern SHAPE = Pattern.compile("^" + PART + "@" + PART + "\\." + PART + "$");

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
