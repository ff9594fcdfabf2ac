package org.mutualis.notifications.directory;

import org.jspecify.annotations.Nullable;

/** The two languages Mutualis speaks: French (Québec), the default, and English. */
public final class Languages {

	/** French (Québec), the default. */
	public static final String FRENCH = "fr";

	/** English. */
	public static final String ENGLISH = "en";

	private Languages() {
	}

	/**
	 * Normalises a language tag to {@code fr} or {@code en}.
	 * @param tag e.g. {@code en}, {@code en-CA}, {@code fr-CA}, or nothing
	 * @return {@code en} for any English tag, {@code fr} otherwise
	 */
	public static String of(@Nullable String tag) {
		return (tag != null && tag.toLowerCase(java.util.Locale.ROOT).startsWith(ENGLISH)) ? ENGLISH : FRENCH;
	}

}
