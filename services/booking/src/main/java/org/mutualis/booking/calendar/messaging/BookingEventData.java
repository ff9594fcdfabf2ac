package org.mutualis.booking.calendar.messaging;

import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.calendar.CalendarEntry;
import org.mutualis.booking.calendar.EntryStatus;
import org.mutualis.platform.events.MalformedEventException;

/**
 * The calendar's own copy of what every {@code mutualis.booking.*.v1} event carries (the fields it uses); other
 * fields are ignored, as additive contract changes require.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BookingEventData(@Nullable String bookingId, @Nullable String listingId, @Nullable Title listingTitle,
		@Nullable String ownerOrganisationId, @Nullable String ownerOrganisationName,
		@Nullable String borrowerOrganisationId, @Nullable String borrowerOrganisationName, @Nullable Integer quantity,
		@Nullable Instant start, @Nullable Instant end, @Nullable String timeZone, @Nullable String status,
		@Nullable Instant occurredAt) {

	/** The listing's title in French and English, either possibly absent. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Title(@Nullable String fr, @Nullable String en) {
	}

	CalendarEntry toEntry() {
		Title title = (this.listingTitle != null) ? this.listingTitle : new Title(null, null);
		Instant from = required(this.start, "start");
		Instant to = required(this.end, "end");
		if (!to.isAfter(from)) {
			throw new MalformedEventException("booking event whose end is not after its start");
		}
		EntryStatus shown;
		ZoneId zone;
		try {
			shown = EntryStatus.ofBookingStatus(required(this.status, "status"));
			zone = ZoneId.of(required(this.timeZone, "timeZone"));
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw new MalformedEventException("booking event with an unreadable status or time zone: " + ex.getMessage());
		}
		return new CalendarEntry(required(this.bookingId, "bookingId"), required(this.listingId, "listingId"),
				title.fr(), title.en(), required(this.ownerOrganisationId, "ownerOrganisationId"),
				nameOrEmpty(this.ownerOrganisationName), required(this.borrowerOrganisationId, "borrowerOrganisationId"),
				nameOrEmpty(this.borrowerOrganisationName), (this.quantity != null) ? this.quantity : 1, from, to, zone,
				shown, required(this.occurredAt, "occurredAt"), 0);
	}

	private static String nameOrEmpty(@Nullable String name) {
		return (name != null) ? name : "";
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new MalformedEventException("booking event without " + field);
		}
		return value;
	}

}
