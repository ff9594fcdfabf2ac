package org.mutualis.platform.web;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

	@Test
	void readsTheVersionOfAStrongWeakOrBareTagAndNothingFromAnAbsentOne() {
		assertThat(IfMatch.version("\"3\"")).isEqualTo(3L);
		assertThat(IfMatch.version(" W/\"12\" ")).isEqualTo(12L);
		assertThat(IfMatch.version("0")).isZero();
		assertThat(IfMatch.version(null)).isNull();
		assertThat(IfMatch.version("  ")).isNull();
	}

	@Test
	void anythingElseIsRefusedNamingTheHeader() {
		assertThatThrownBy(() -> IfMatch.version("\"abc\"")).isInstanceOf(Refusal.class)
			.hasMessageContaining("invalid-version");
		assertThatThrownBy(() -> IfMatch.version("*")).isInstanceOf(Refusal.class);
	}

	@Test
	void writesTheVersionAsAQuotedTagThatReadsBack() {
		assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
		assertThat(IfMatch.version(IfMatch.etag(7))).isEqualTo(7L);
	}

}
