package org.mutualis.booking.impact;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The impact figures of a period: totals, and the same figures by month, by MRC, by kind of resource and by the
 * borrowing organisation's sector.
 *
 * @param period the months covered
 * @param totals figures of the whole period
 * @param byMonth one group per month of the period, empty months included
 * @param byMrc one group per MRC with bookings
 * @param byKind one group per kind of resource, every kind included
 * @param byBorrowerSector one group per borrowing sector with bookings; key {@code null} for an unknown sector
 */
public record ImpactReport(Period period, Figures totals, List<Group> byMonth, List<Group> byMrc, List<Group> byKind,
		List<Group> byBorrowerSector) {

	/**
	 * Computes the report.
	 * @param period the months covered
	 * @param facts the facts of those months
	 * @return the report
	 */
	public static ImpactReport of(Period period, List<UsageFact> facts) {
		Map<String, Tally> months = new LinkedHashMap<>();
		for (YearMonth month = period.from(); !month.isAfter(period.to()); month = month.plusMonths(1)) {
			months.put(month.toString(), new Tally());
		}
		Map<String, Tally> kinds = new LinkedHashMap<>();
		for (ResourceKind kind : ResourceKind.values()) {
			kinds.put(kind.name(), new Tally());
		}
		Tally totals = new Tally();
		for (UsageFact fact : facts) {
			totals.add(fact);
			months.computeIfAbsent(fact.month().toString(), (m) -> new Tally()).add(fact);
			kinds.get(fact.kind().name()).add(fact);
		}
		return new ImpactReport(period, totals.figures(), groups(months), grouped(facts, UsageFact::mrc),
				groups(kinds), grouped(facts, UsageFact::borrowerSector));
	}

	private static List<Group> grouped(List<UsageFact> facts, Function<UsageFact, @Nullable String> key) {
		Map<String, Tally> known = new TreeMap<>();
		Tally unknown = new Tally();
		for (UsageFact fact : facts) {
			String value = key.apply(fact);
			if (value == null || value.isBlank()) {
				unknown.add(fact);
			}
			else {
				known.computeIfAbsent(value, (k) -> new Tally()).add(fact);
			}
		}
		List<Group> groups = new ArrayList<>(groups(known));
		if (unknown.bookings > 0) {
			groups.add(new Group(null, unknown.figures()));
		}
		return List.copyOf(groups);
	}

	private static List<Group> groups(Map<String, Tally> tallies) {
		return tallies.entrySet().stream().map((e) -> new Group(e.getKey(), e.getValue().figures())).toList();
	}

	/**
	 * The figures of one group.
	 *
	 * @param bookings completed bookings counted
	 * @param staffHours hours of staff time and expertise shared (duration × quantity)
	 * @param equipmentDays equipment-days: units of equipment out × local calendar days touched
	 * @param spaceHours hours of space shared (duration × quantity)
	 * @param borrowingOrganisations distinct organisations that borrowed
	 * @param amountPaid what borrowers owed, CAD
	 * @param estimatedSavings market value − amount paid, over the bookings whose market value is known, CAD
	 * @param bookingsWithoutMarketValue bookings left out of the savings because their market value is unknown
	 */
	public record Figures(long bookings, BigDecimal staffHours, long equipmentDays, BigDecimal spaceHours,
			int borrowingOrganisations, BigDecimal amountPaid, BigDecimal estimatedSavings, long bookingsWithoutMarketValue) {
	}

	/**
	 * Figures under a key.
	 *
	 * @param key the month ({@code yyyy-MM}), MRC, kind or sector; {@code null} when unknown
	 * @param figures its figures
	 */
	public record Group(@Nullable String key, Figures figures) {
	}

	private static final class Tally {

		private long bookings;

		private BigDecimal staffHours = BigDecimal.ZERO;

		private long equipmentDays;

		private BigDecimal spaceHours = BigDecimal.ZERO;

		private final Set<String> borrowers = new HashSet<>();

		private BigDecimal amountPaid = new BigDecimal("0.00");

		private BigDecimal savings = new BigDecimal("0.00");

		private long withoutMarketValue;

		void add(UsageFact fact) {
			this.bookings++;
			switch (fact.kind()) {
				case STAFF_TIME, EXPERTISE -> this.staffHours = this.staffHours.add(fact.hours());
				case SPACE -> this.spaceHours = this.spaceHours.add(fact.hours());
				case EQUIPMENT -> this.equipmentDays += fact.equipmentDays();
			}
			this.borrowers.add(fact.borrowerId());
			this.amountPaid = this.amountPaid.add(fact.amountPaid());
			BigDecimal saved = fact.savings();
			if (saved != null) {
				this.savings = this.savings.add(saved);
			}
			else {
				this.withoutMarketValue++;
			}
		}

		Figures figures() {
			return new Figures(this.bookings, this.staffHours, this.equipmentDays, this.spaceHours, this.borrowers.size(),
					this.amountPaid, this.savings, this.withoutMarketValue);
		}

	}

}
