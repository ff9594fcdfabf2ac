package org.mutualis.booking.impact;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImpactReportTest {

	@Test
	void countsStaffHoursEquipmentDaysSpaceHoursBorrowersAndSavings() {
		List<UsageFact> facts = List.of(
				fact("b1", "ruche", ResourceKind.STAFF_TIME, "2026-11", "Roussillon", "Commerce", "3", 0, "75.00", "180.00"),
				fact("b2", "ruche", ResourceKind.EXPERTISE, "2026-11", "Roussillon", "Commerce", "1.5", 0, "0.00", "90.00"),
				fact("b3", "jardins", ResourceKind.EQUIPMENT, "2026-12", "Beauharnois-Salaberry", "Agriculture", "48", 4,
						"20.00", null),
				fact("b4", "jardins", ResourceKind.SPACE, "2026-12", "Roussillon", null, "2", 0, "10.10", "30.20"));

		ImpactReport report = ImpactReport.of(Period.parse("2026-10", "2026-12"), facts);

		ImpactReport.Figures totals = report.totals();
		assertThat(totals.bookings()).isEqualTo(4);
		assertThat(totals.staffHours()).isEqualByComparingTo("4.5");
		assertThat(totals.equipmentDays()).isEqualTo(4);
		assertThat(totals.spaceHours()).isEqualByComparingTo("2");
		assertThat(totals.borrowingOrganisations()).isEqualTo(2);
		assertThat(totals.amountPaid()).isEqualTo(new BigDecimal("105.10"));
		// (180.00 − 75.00) + (90.00 − 0.00) + (30.20 − 10.10); b3 has no market value
		assertThat(totals.estimatedSavings()).isEqualTo(new BigDecimal("215.10"));
		assertThat(totals.bookingsWithoutMarketValue()).isEqualTo(1);

		assertThat(report.byMonth()).extracting(ImpactReport.Group::key).containsExactly("2026-10", "2026-11", "2026-12");
		assertThat(report.byMonth().get(0).figures().bookings()).isZero();
		assertThat(report.byMonth().get(1).figures().staffHours()).isEqualByComparingTo("4.5");
		assertThat(report.byMonth().get(2).figures().borrowingOrganisations()).isEqualTo(1);
		assertThat(report.byMrc()).extracting(ImpactReport.Group::key).containsExactly("Beauharnois-Salaberry", "Roussillon");
		assertThat(report.byMrc().get(1).figures().bookings()).isEqualTo(3);
		assertThat(report.byKind()).extracting(ImpactReport.Group::key)
			.containsExactly("STAFF_TIME", "EQUIPMENT", "EXPERTISE", "SPACE");
		assertThat(report.byBorrowerSector()).extracting(ImpactReport.Group::key).containsExactly("Agriculture", "Commerce", null);
		assertThat(report.byBorrowerSector().get(1).figures().borrowingOrganisations()).isEqualTo(1);
	}

	@Test
	void equipmentDaysCountLocalCalendarDaysTouchedTimesQuantity() {
		assertThat(UsageFact.equipmentDays(LocalDateTime.parse("2026-11-03T09:00"), LocalDateTime.parse("2026-11-03T12:00"), 1))
			.isEqualTo(1);
		assertThat(UsageFact.equipmentDays(LocalDateTime.parse("2026-11-03T00:00"), LocalDateTime.parse("2026-11-05T00:00"), 2))
			.isEqualTo(4);
		assertThat(UsageFact.equipmentDays(LocalDateTime.parse("2026-11-03T22:00"), LocalDateTime.parse("2026-11-04T02:00"), 1))
			.isEqualTo(2);
	}

	@Test
	void periodsAreValidatedWithTheFieldAtFault() {
		assertThatThrownBy(() -> Period.parse("2026-13", "2026-12")).isInstanceOfSatisfying(Refusal.class,
				(r) -> assertThat(r.fields()).extracting(Refusal.FieldProblem::field).containsExactly("from"));
		assertThatThrownBy(() -> Period.parse("2026-12", "2026-11")).isInstanceOfSatisfying(Refusal.class,
				(r) -> assertThat(r.type()).isEqualTo("invalid-period"));
		assertThatThrownBy(() -> Period.parse("2000-01", "2026-11")).isInstanceOf(Refusal.class);
		assertThat(Period.parse("2026-01", "2026-01").from()).isEqualTo(YearMonth.of(2026, 1));
	}

	private static UsageFact fact(String booking, String borrower, ResourceKind kind, String month, String mrc,
			String sector, String hours, long equipmentDays, String paid, String market) {
		return new UsageFact(booking, borrower, kind, YearMonth.parse(month), mrc, sector, new BigDecimal(hours),
				equipmentDays, new BigDecimal(paid), (market != null) ? new BigDecimal(market) : null);
	}

}
