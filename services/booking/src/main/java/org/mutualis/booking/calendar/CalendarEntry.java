package org.mutualis.booking.calendar;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * One booking as calendars show it: the latest state booking's events told about it.
 *
 * @param bookingId the booking, also the event's {@code UID}
 * @param listingId the listing booked
 * @param titleFr the listing's French title, if any
 * @param titleEn the listing's English title, if any
 * @param ownerOrganisationId the organisation that owns the listing
 * @param ownerOrganisationName its name
 * @param borrowerOrganisationId the organisation that borrows
 * @param borrowerOrganisationName its name
 * @param quantity units booked
 * @param start start, UTC
 * @param end end, UTC (exclusive)
 * @param timeZone the listing's time zone, in which calendars show the times
 * @param status how the booking shows
 * @param changedAt when the fact behind this state happened
 * @param sequence how many changes the entry went through (RFC 5545 {@code SEQUENCE}), from 0
 */
public record CalendarEntry(String bookingId, String listingId, @Nullable String titleFr, @Nullable String titleEn,
		String ownerOrganisationId, String ownerOrganisationName, String borrowerOrganisationId,
		String borrowerOrganisationName, int quantity, Instant start, Instant end, ZoneId timeZone, EntryStatus status,
		Instant changedAt, int sequence) {

	/**
	 * The listing's title in a language, falling back to the other one.
	 * @param language {@code fr} or {@code en}
	 * @return the title
	 */
	public String title(String language) {
		String preferred = "en".equals(language) ? this.titleEn : this.titleFr;
		String other = "en".equals(language) ? this.titleFr : this.titleEn;
		if (preferred != null && !preferred.isBlank()) {
			return preferred;
		}
		return (other != null) ? other : "";
	}

}
