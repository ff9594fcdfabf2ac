package org.mutualis.booking.ledger.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.ledger.Direction;
import org.mutualis.booking.ledger.LedgerEntry;
import org.mutualis.booking.ledger.Statement;

/**
 * A monthly statement as the API shows it; amounts are exact decimal strings in CAD (never JSON numbers, which
 * clients may read as binary floating point).
 *
 * @param organisationId whose statement
 * @param month {@code yyyy-MM}, months of the bookings' local start in each listing's time zone
 * @param currency always {@code CAD}
 * @param receivable total others owe the organisation
 * @param payable total the organisation owes others
 * @param net receivable − payable
 * @param counterparties balance with each counterparty after netting
 * @param entries the month's entries
 */
record StatementView(String organisationId, String month, String currency, String receivable, String payable,
		String net, List<BalanceView> counterparties, List<LineView> entries) {

	static StatementView of(Statement statement) {
		return new StatementView(statement.organisationId(), statement.month().toString(), LedgerEntry.CURRENCY,
				statement.receivable().toPlainString(), statement.payable().toPlainString(), statement.net().toPlainString(),
				statement.counterparties()
					.stream()
					.map((b) -> new BalanceView(b.organisationId(), b.name(), b.receivable().toPlainString(),
							b.payable().toPlainString(), b.net().toPlainString(), b.settlement().name()))
					.toList(),
				statement.lines()
					.stream()
					.map((l) -> new LineView(l.bookingId(), l.listingId(), new Title(l.titleFr(), l.titleEn()),
							l.localStart().toString(), l.timeZone(), l.counterpartyId(), l.counterpartyName(), l.direction(),
							l.amount().toPlainString()))
					.toList());
	}

	/**
	 * The balance with one counterparty.
	 * @param organisationId the counterparty
	 * @param name its name
	 * @param receivable what it owes
	 * @param payable what is owed to it
	 * @param net receivable − payable
	 * @param settlement {@code COUNTERPARTY_PAYS}, {@code ORGANISATION_PAYS} or {@code SETTLED}
	 */
	record BalanceView(String organisationId, String name, String receivable, String payable, String net,
			String settlement) {
	}

	/**
	 * One entry.
	 * @param bookingId booking reference
	 * @param listingId the listing
	 * @param listingTitle its titles
	 * @param localStart local start in the listing's time zone
	 * @param timeZone that time zone
	 * @param counterpartyId the other organisation
	 * @param counterpartyName its name
	 * @param direction {@code RECEIVABLE} or {@code PAYABLE}
	 * @param amount CAD
	 */
	record LineView(String bookingId, String listingId, Title listingTitle, String localStart, String timeZone,
			String counterpartyId, String counterpartyName, Direction direction, String amount) {
	}

	/**
	 * A listing's titles.
	 * @param fr French
	 * @param en English
	 */
	record Title(@Nullable String fr, @Nullable String en) {
	}

}
