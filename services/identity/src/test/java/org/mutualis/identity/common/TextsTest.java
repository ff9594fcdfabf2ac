package org.mutualis.identity.common;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule for the free text others see: line breaks and tabs become a space (a reason keeps its lines), control and
 * direction characters go, spaces around are trimmed, and a required text nothing visible is left of is refused;
 * e-mail addresses with such characters are refused rather than changed.
 */
class TextsTest {

	@Test
	void aOneLineTextLosesControlAndDirectionCharactersAndLineBreaks() {
		assertThat(Texts.oneLine("\u202eRTL\u0000nul\u0007")).isEqualTo("RTLnul");
		assertThat(Texts.oneLine("Evil\r\nBcc: x@evil.example")).isEqualTo("Evil Bcc: x@evil.example");
		assertThat(Texts.oneLine(" \u2066Marie\u2069\tTremblay\u200e\u2028 ")).isEqualTo("Marie Tremblay");
		assertThat(Texts.oneLine("\ufeffZoé\u200b \u202a\u202b\u202c\u202d\u2067\u2068\u061c\u200f\u0085\u007f"))
			.isEqualTo("Zoé");
	}

	@Test
	void whatScriptsAndEmojiNeedStays() {
		assertThat(Texts.oneLine("می\u200cخواهم 👩\u200d👩\u200d👧 Café déjà-vu")).isEqualTo("می\u200cخواهم 👩\u200d👩\u200d👧 Café déjà-vu");
	}

	@Test
	void aMultiLineTextKeepsItsLines() {
		assertThat(Texts.multiLine("  Hors région.\r\nVoir\u202e la charte.\rMerci\u0000\n")).isEqualTo(
				"Hors région.\nVoir la charte.\nMerci");
	}

	@Test
	void aRequiredTextNothingVisibleIsLeftOfIsRefusedNamingItsField() {
		assertThatThrownBy(() -> Texts.requireOneLine("\u202e\u0000\r\n ", "text-required", "name"))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> {
				assertThat(refusal.type()).isEqualTo("text-required");
				assertThat(refusal.fields()).extracting(Refusal.FieldProblem::field).containsExactly("name");
			});
		assertThat(Texts.requireOneLine(" La Ruche\u0007 ", "text-required", "name")).isEqualTo("La Ruche");
	}

	@Test
	void anAddressWithInvisibleCharactersIsRefusedNotChanged() {
		for (String address : new String[] { "a\u202eb@exemple.org", "a\u0000b@exemple.org", "ab@exem\u200bple.org",
				"ab@exemple.org\r\nBcc: x@evil.example", "a\u2028b@exemple.org", "a\u00a0b@exemple.org" }) {
			assertThatThrownBy(() -> Emails.requireValid(address, "email")).as(address)
				.isInstanceOfSatisfying(Refusal.class, (refusal) -> assertThat(refusal.type()).isEqualTo("invalid-email"));
		}
		assertThat(Emails.requireValid(" Zoé.Tremblay@exemple.org ", "email")).isEqualTo("Zoé.Tremblay@exemple.org");
	}

}
