package org.mutualis.booking.listing;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A text in French and/or English, as listings publish it.
 *
 * @param fr the French text, if any
 * @param en the English text, if any
 */
public record Title(@Nullable String fr, @Nullable String en) {

	/**
	 * The text in a language, falling back to the other one.
	 * @param locale the reader's language
	 * @return the text
	 */
	public String in(Locale locale) {
		String preferred = "en".equals(locale.getLanguage()) ? this.en : this.fr;
		String other = "en".equals(locale.getLanguage()) ? this.fr : this.en;
		return (preferred != null && !preferred.isBlank()) ? preferred : ((other != null) ? other : "");
	}

}
