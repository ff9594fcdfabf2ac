package org.mutualis.booking.csv;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

	@Test
	void quotesFieldsWithCommasQuotesAndLineBreaksAndEndsRecordsWithCrlf() {
		String text = new Csv().values(List.of("a", "b,c"))
			.record(List.of("Dit \"La Ruche\"", "deux\nlignes", Csv.Value.of("75.00")))
			.toString();
		assertThat(text).isEqualTo("a,\"b,c\"\r\n\"Dit \"\"La Ruche\"\"\",\"deux\nlignes\",75.00\r\n");
	}

	@Test
	void peoplesTextThatLooksLikeAFormulaIsDefusedButNumbersAreNot() {
		String text = new Csv().record(List.of("=HYPERLINK(\"x\")", "@SUM(A1)", Csv.Value.of("-12.50"))).toString();
		assertThat(text).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'@SUM(A1),-12.50\r\n");
	}

}
