package org.mutualis.booking.impact.messaging;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.impact.ResourceKind;
import org.mutualis.booking.impact.UsageFact;
import org.mutualis.platform.events.MalformedEventException;

/**
 * The impact figures' own copy of what a {@code mutualis.booking.completed.v1} event carries (the fields they use);
 * other fields are ignored, as additive contract changes require.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CompletedBookingData(@Nullable String bookingId, @Nullable String listingKind,
		@Nullable String borrowerOrganisationId, @Nullable Integer quantity, @Nullable LocalDateTime localStart,
		@Nullable LocalDateTime localEnd, @Nullable String amountDue, @Nullable String marketValue,
		@Nullable BigDecimal hours, @Nullable String mrc, @Nullable String borrowerSector) {

	private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d{1,2})?");

	UsageFact toFact() {
		LocalDateTime start = required(this.localStart, "localStart");
		LocalDateTime end = required(this.localEnd, "localEnd");
		if (!end.isAfter(start)) {
			throw new MalformedEventException("completed booking event whose end is not after its start");
		}
		ResourceKind kind;
		try {
			kind = ResourceKind.valueOf(required(this.listingKind, "listingKind"));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException("completed booking event of unknown kind " + this.listingKind);
		}
		BigDecimal hoursBooked = required(this.hours, "hours");
		int units = (this.quantity != null) ? this.quantity : 1;
		if (hoursBooked.signum() < 0 || units < 1) {
			throw new MalformedEventException("completed booking event with negative hours or no quantity");
		}
		return new UsageFact(required(this.bookingId, "bookingId"), required(this.borrowerOrganisationId, "borrowerOrganisationId"),
				kind, YearMonth.from(start), (this.mrc != null) ? this.mrc : "", this.borrowerSector, hoursBooked,
				(kind == ResourceKind.EQUIPMENT) ? UsageFact.equipmentDays(start, end, units) : 0L,
				amount(required(this.amountDue, "amountDue")), (this.marketValue != null) ? amount(this.marketValue) : null);
	}

	private static BigDecimal amount(String text) {
		if (!AMOUNT.matcher(text).matches()) {
			throw new MalformedEventException("completed booking event with amount '" + text + "'");
		}
		return new BigDecimal(text).setScale(2);
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new MalformedEventException("completed booking event without " + field);
		}
		return value;
	}

}
