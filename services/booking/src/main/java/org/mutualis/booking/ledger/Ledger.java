package org.mutualis.booking.ledger;

import java.time.YearMonth;
import java.util.List;

/** The ledger's entries, one per booking. */
public interface Ledger {

	/**
	 * Records an entry unless its booking already has one.
	 * @param entry the entry
	 * @return whether it was recorded now
	 */
	boolean record(LedgerEntry entry);

	/**
	 * The entries an organisation takes part in, as debtor or creditor, in a statement month.
	 * @param organisationId the organisation
	 * @param month the month
	 * @return its entries, in order of local start
	 */
	List<LedgerEntry> of(String organisationId, YearMonth month);

}
