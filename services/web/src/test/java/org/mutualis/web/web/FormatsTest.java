package org.mutualis.web.web;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

	private final Formats formats = new Formats();

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void writesAmountsDatesAndTimesAsQuebecFrenchDoes() {
		LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
		assertThat(spaces(this.formats.money("1234.50"))).isEqualTo("1 234,50 $");
		assertThat(this.formats.dateTime("2026-12-01T14:05:00")).isEqualTo("1 décembre 2026, 14:05");
		assertThat(this.formats.time("2026-12-01T09:00")).isEqualTo("09:00");
		assertThat(this.formats.instant("2026-07-01T16:00:00Z", "America/Toronto")).isEqualTo("1 juillet 2026, 12:00");
		assertThat(this.formats.text(Map.of("fr", "Salle", "en", "Hall"))).isEqualTo("Salle");
	}

	@Test
	void writesThemAsCanadianEnglishDoes() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.formats.money("1234.5")).isEqualTo("$1,234.50");
		assertThat(spaces(this.formats.dateTime("2026-12-01T14:05:00"))).isEqualTo("December 1, 2026, 2:05 p.m.");
		assertThat(this.formats.text(Map.of("fr", "Salle", "en", "Hall"))).isEqualTo("Hall");
	}

	@Test
	void fallsBackToTheOtherLanguageWhenATextHasOnlyOne() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.formats.text(Map.of("fr", "Salle"))).isEqualTo("Salle");
		assertThat(this.formats.money(null)).isEmpty();
	}

	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
