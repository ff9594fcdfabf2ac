package org.mutualis.listings.listing;

import org.jspecify.annotations.Nullable;

/**
 * A text written in French, in English, or in both.
 *
 * @param fr the French text
 * @param en the English text
 */
public record Bilingual(@Nullable String fr, @Nullable String en) {

	/** @return whether neither language has a non-blank text */
	public boolean hasNoText() {
		return isBlank(this.fr) && isBlank(this.en);
	}

	/**
	 * The text in a language, falling back to the other one.
	 * @param language {@code fr} or {@code en}
	 * @return the best text available
	 */
	public String in(String language) {
		String preferred = "en".equals(language) ? this.en : this.fr;
		String other = "en".equals(language) ? this.fr : this.en;
		return !isBlank(preferred) ? preferred : (other != null ? other : "");
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
