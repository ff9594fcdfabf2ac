package org.mutualis.booking.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementTest {

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Test
	void amountsAddUpExactly() {
		Statement statement = Statement.of("phare", NOVEMBER,
				List.of(entry("b1", "ruche", "phare", "0.10"), entry("b2", "ruche", "phare", "0.20")));
		assertThat(statement.receivable()).isEqualTo(new BigDecimal("0.30"));
		assertThat(statement.receivable().toPlainString()).isEqualTo("0.30");
		assertThat(statement.payable()).isEqualTo(new BigDecimal("0.00"));
		assertThat(statement.net()).isEqualTo(new BigDecimal("0.30"));
		// the same sum in binary floating point is not 0.3: the ledger never goes through double
		assertThat(0.1 + 0.2).isNotEqualTo(0.3);
	}

	@Test
	void balancesBetweenTwoOrganisationsAreNetted() {
		List<LedgerEntry> entries = List.of(entry("b1", "ruche", "phare", "75.00"), entry("b2", "phare", "ruche", "30.50"),
				entry("b3", "ruche", "phare", "4.25"), entry("b4", "jardins", "phare", "10.00"));

		Statement phare = Statement.of("phare", NOVEMBER, entries);
		assertThat(phare.receivable()).isEqualTo(new BigDecimal("89.25"));
		assertThat(phare.payable()).isEqualTo(new BigDecimal("30.50"));
		assertThat(phare.net()).isEqualTo(new BigDecimal("58.75"));
		Statement.Balance withRuche = balance(phare, "ruche");
		assertThat(withRuche.receivable()).isEqualTo(new BigDecimal("79.25"));
		assertThat(withRuche.payable()).isEqualTo(new BigDecimal("30.50"));
		assertThat(withRuche.net()).isEqualTo(new BigDecimal("48.75"));
		assertThat(withRuche.settlement()).isEqualTo(Statement.Settlement.COUNTERPARTY_PAYS);
		assertThat(balance(phare, "jardins").net()).isEqualTo(new BigDecimal("10.00"));

		Statement ruche = Statement.of("ruche", NOVEMBER, entries.subList(0, 3));
		Statement.Balance withPhare = balance(ruche, "phare");
		assertThat(withPhare.net()).isEqualTo(new BigDecimal("-48.75"));
		assertThat(withPhare.settlement()).isEqualTo(Statement.Settlement.ORGANISATION_PAYS);
		assertThat(ruche.lines()).extracting(Statement.Line::direction)
			.containsExactly(Direction.PAYABLE, Direction.RECEIVABLE, Direction.PAYABLE);
		assertThat(ruche.lines().stream().map(Statement.Line::signedAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualTo(ruche.net());
	}

	@Test
	void equalAmountsBothWaysSettleToNothing() {
		Statement statement = Statement.of("phare", NOVEMBER,
				List.of(entry("b1", "ruche", "phare", "12.00"), entry("b2", "phare", "ruche", "12")));
		assertThat(balance(statement, "ruche").settlement()).isEqualTo(Statement.Settlement.SETTLED);
		assertThat(statement.net().signum()).isZero();
	}

	@Test
	void anEntryOwesAPositiveAmountWithAtMostTwoDecimalsToAnotherOrganisation() {
		assertThatThrownBy(() -> entry("b", "ruche", "phare", "0.00")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> entry("b", "ruche", "phare", "1.005")).isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> entry("b", "phare", "phare", "1.00")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void monthIsTheListingsLocalMonthOfTheStart() {
		LedgerEntry entry = new LedgerEntry("b", "ruche", "Ruche", "phare", "Phare", new BigDecimal("1.00"), "l", null, "Room",
				LocalDateTime.parse("2026-11-30T21:00"), "America/Toronto", Instant.parse("2026-12-01T03:00:00Z"));
		assertThat(entry.month()).isEqualTo(NOVEMBER);
	}

	private static Statement.Balance balance(Statement statement, String counterparty) {
		return statement.counterparties()
			.stream()
			.filter((b) -> b.organisationId().equals(counterparty))
			.findFirst()
			.orElseThrow();
	}

	private static LedgerEntry entry(String booking, String debtor, String creditor, String amount) {
		return new LedgerEntry(booking, debtor, debtor + " name", creditor, creditor + " name", new BigDecimal(amount),
				"listing", "Salle", "Room", LocalDateTime.parse("2026-11-03T09:00"), "America/Toronto",
				Instant.parse("2026-11-03T17:00:00Z"));
	}

}
