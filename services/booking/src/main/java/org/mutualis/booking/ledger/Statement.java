package org.mutualis.booking.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An organisation's monthly statement: each entry seen from its side, the balance with each counterparty after
 * netting what each owes the other, and the totals. Amounts are exact (no floating point anywhere).
 *
 * @param organisationId whose statement
 * @param month the statement month (months of the bookings' local start, in each listing's time zone)
 * @param lines the entries, in order of local start
 * @param counterparties one balance per counterparty, by name
 * @param receivable the total others owe this organisation
 * @param payable the total this organisation owes others
 * @param net receivable − payable: positive when, all netted, others owe this organisation
 */
public record Statement(String organisationId, YearMonth month, List<Line> lines, List<Balance> counterparties,
		BigDecimal receivable, BigDecimal payable, BigDecimal net) {

	private static final BigDecimal ZERO = new BigDecimal("0.00");

	/**
	 * Builds a statement from the month's entries of an organisation.
	 * @param organisationId the organisation
	 * @param month the month
	 * @param entries entries in which the organisation is debtor or creditor
	 * @return the statement
	 */
	public static Statement of(String organisationId, YearMonth month, List<LedgerEntry> entries) {
		List<Line> lines = new ArrayList<>();
		Map<String, Balance> balances = new LinkedHashMap<>();
		BigDecimal receivable = ZERO;
		BigDecimal payable = ZERO;
		List<LedgerEntry> ordered = entries.stream()
			.sorted(Comparator.comparing(LedgerEntry::localStart).thenComparing(LedgerEntry::bookingId))
			.toList();
		for (LedgerEntry entry : ordered) {
			boolean lent = entry.creditorId().equals(organisationId);
			if (!lent && !entry.debtorId().equals(organisationId)) {
				throw new IllegalArgumentException("entry " + entry.bookingId() + " does not concern " + organisationId);
			}
			Direction direction = lent ? Direction.RECEIVABLE : Direction.PAYABLE;
			String counterparty = lent ? entry.debtorId() : entry.creditorId();
			String counterpartyName = lent ? entry.debtorName() : entry.creditorName();
			lines.add(new Line(entry.bookingId(), entry.listingId(), entry.titleFr(), entry.titleEn(), entry.localStart(),
					entry.timeZone(), counterparty, counterpartyName, direction, entry.amount()));
			Balance before = balances.getOrDefault(counterparty, new Balance(counterparty, counterpartyName, ZERO, ZERO));
			balances.put(counterparty, lent ? before.plusReceivable(entry.amount(), counterpartyName)
					: before.plusPayable(entry.amount(), counterpartyName));
			if (lent) {
				receivable = receivable.add(entry.amount());
			}
			else {
				payable = payable.add(entry.amount());
			}
		}
		List<Balance> counterparties = balances.values().stream()
			.sorted(Comparator.comparing(Balance::name).thenComparing(Balance::organisationId))
			.toList();
		return new Statement(organisationId, month, List.copyOf(lines), counterparties, receivable, payable,
				receivable.subtract(payable));
	}

	/**
	 * One entry seen from the statement's organisation.
	 *
	 * @param bookingId the booking reference
	 * @param listingId the listing used
	 * @param titleFr its French title
	 * @param titleEn its English title
	 * @param localStart when the use started, local time of the listing
	 * @param timeZone the listing's time zone
	 * @param counterpartyId the other organisation
	 * @param counterpartyName its name
	 * @param direction who owes whom
	 * @param amount CAD, exact
	 */
	public record Line(String bookingId, String listingId, @Nullable String titleFr, @Nullable String titleEn,
			LocalDateTime localStart, String timeZone, String counterpartyId, String counterpartyName, Direction direction,
			BigDecimal amount) {

		/** @return the amount with its sign for this organisation: positive receivable, negative payable */
		public BigDecimal signedAmount() {
			return (this.direction == Direction.RECEIVABLE) ? this.amount : this.amount.negate();
		}

	}

	/**
	 * What this organisation and one counterparty owe each other in the month, and what is left after netting.
	 *
	 * @param organisationId the counterparty
	 * @param name its latest known name
	 * @param receivable what it owes this organisation
	 * @param payable what this organisation owes it
	 */
	public record Balance(String organisationId, String name, BigDecimal receivable, BigDecimal payable) {

		/** @return receivable − payable: positive when the counterparty is to pay, negative when it is to be paid */
		public BigDecimal net() {
			return this.receivable.subtract(this.payable);
		}

		/** @return who settles the netted balance */
		public Settlement settlement() {
			return switch (net().signum()) {
				case 1 -> Settlement.COUNTERPARTY_PAYS;
				case -1 -> Settlement.ORGANISATION_PAYS;
				default -> Settlement.SETTLED;
			};
		}

		Balance plusReceivable(BigDecimal amount, String latestName) {
			return new Balance(this.organisationId, latestName, this.receivable.add(amount), this.payable);
		}

		Balance plusPayable(BigDecimal amount, String latestName) {
			return new Balance(this.organisationId, latestName, this.receivable, this.payable.add(amount));
		}

	}

	/** Who pays what is left once both directions are netted. */
	public enum Settlement {

		/** The counterparty pays the statement's organisation the net amount. */
		COUNTERPARTY_PAYS,
		/** The statement's organisation pays the counterparty the net amount. */
		ORGANISATION_PAYS,
		/** Both directions cancel out: nobody pays. */
		SETTLED

	}

}
