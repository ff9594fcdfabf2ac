package org.mutualis.booking.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * What one completed booking with cost recovery leaves owing: the borrowing organisation owes the owning one an
 * exact amount in Canadian dollars.
 *
 * @param bookingId the booking, the entry's reference (one entry per booking)
 * @param debtorId the borrowing organisation, who owes
 * @param debtorName its name
 * @param creditorId the owning organisation, who is owed
 * @param creditorName its name
 * @param amount CAD, exact, two decimals, positive
 * @param listingId the listing used
 * @param titleFr its French title, if any
 * @param titleEn its English title, if any
 * @param localStart when the use started, in the listing's time zone
 * @param timeZone the listing's time zone
 * @param completedAt when the booking completed
 */
public record LedgerEntry(String bookingId, String debtorId, String debtorName, String creditorId, String creditorName,
		BigDecimal amount, String listingId, @Nullable String titleFr, @Nullable String titleEn, LocalDateTime localStart,
		String timeZone, Instant completedAt) {

	/** The currency of every amount. */
	public static final String CURRENCY = "CAD";

	/**
	 * Creates an entry. Preconditions: the amount is positive with at most two decimals; debtor and creditor differ.
	 */
	public LedgerEntry {
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("a ledger entry owes a positive amount");
		}
		amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
		if (debtorId.equals(creditorId)) {
			throw new IllegalArgumentException("an organisation does not owe itself");
		}
	}

	/** @return the statement month of this entry: the month of the booking's local start, in the listing's time zone */
	public YearMonth month() {
		return YearMonth.from(this.localStart);
	}

}
