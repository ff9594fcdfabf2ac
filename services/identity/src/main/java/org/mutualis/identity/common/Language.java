package org.mutualis.identity.common;

import java.util.Locale;

/** A language a person or an organisation prefers for what the platform writes to them. */
public enum Language {

	/** French as written in Québec; the platform's default. */
	fr(Locale.CANADA_FRENCH),
	/** English. */
	en(Locale.ENGLISH);

	private final Locale locale;

	Language(Locale locale) {
		this.locale = locale;
	}

	/** @return the locale used to render messages in this language */
	public Locale locale() {
		return this.locale;
	}

}
