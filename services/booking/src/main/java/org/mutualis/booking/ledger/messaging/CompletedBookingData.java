package org.mutualis.booking.ledger.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.ledger.LedgerEntry;
import org.mutualis.platform.events.MalformedEventException;

/**
 * The ledger's own copy of what a {@code mutualis.booking.completed.v1} event carries (the fields it uses); other
 * fields are ignored, as additive contract changes require.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CompletedBookingData(@Nullable String bookingId, @Nullable String listingId, @Nullable Title listingTitle,
		@Nullable String ownerOrganisationId, @Nullable String ownerOrganisationName,
		@Nullable String borrowerOrganisationId, @Nullable String borrowerOrganisationName,
		@Nullable LocalDateTime localStart, @Nullable String timeZone, @Nullable Instant occurredAt,
		@Nullable String costMode, @Nullable String amountDue) {

	private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d{1,2})?");

	/** The listing's title in French and English, either possibly absent. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Title(@Nullable String fr, @Nullable String en) {
	}

	/**
	 * The entry this completion leaves owing.
	 * @return the entry, or empty when nothing is owed (free, to agree, or nothing due)
	 */
	Optional<LedgerEntry> toEntry() {
		String amountText = required(this.amountDue, "amountDue");
		if (!AMOUNT.matcher(amountText).matches()) {
			throw new MalformedEventException("completed booking event with amountDue '" + amountText + "'");
		}
		BigDecimal amount = new BigDecimal(amountText);
		if (!"RATE".equals(required(this.costMode, "costMode")) || amount.signum() <= 0) {
			return Optional.empty();
		}
		String zone = required(this.timeZone, "timeZone");
		try {
			ZoneId.of(zone);
		}
		catch (java.time.DateTimeException ex) {
			throw new MalformedEventException("completed booking event with time zone '" + zone + "'");
		}
		Title title = (this.listingTitle != null) ? this.listingTitle : new Title(null, null);
		try {
			return Optional.of(new LedgerEntry(required(this.bookingId, "bookingId"),
					required(this.borrowerOrganisationId, "borrowerOrganisationId"), nameOrEmpty(this.borrowerOrganisationName),
					required(this.ownerOrganisationId, "ownerOrganisationId"), nameOrEmpty(this.ownerOrganisationName), amount,
					required(this.listingId, "listingId"), title.fr(), title.en(), required(this.localStart, "localStart"),
					zone, required(this.occurredAt, "occurredAt")));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException("completed booking event that owes nothing sensible: " + ex.getMessage());
		}
	}

	private static String nameOrEmpty(@Nullable String name) {
		return (name != null) ? name : "";
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new MalformedEventException("completed booking event without " + field);
		}
		return value;
	}

}
