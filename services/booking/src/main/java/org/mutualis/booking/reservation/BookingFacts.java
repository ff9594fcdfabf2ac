package org.mutualis.booking.reservation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.Title;

/**
 * What every booking event carries, so that its consumers need to call no one.
 */
record BookingFacts(String bookingId, String listingId, Title listingTitle, String listingKind, String unit,
		String ownerOrganisationId, String ownerOrganisationName, String borrowerOrganisationId,
		String borrowerOrganisationName, String requesterId, int quantity, Instant start, Instant end, String timeZone,
		String localStart, String localEnd, Languages languages, @Nullable String seriesId, String status,
		Instant occurredAt) {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

	/**
	 * The facts of a booking as it stands, its times also written in the listing's local time.
	 * @param bookingId the booking
	 * @param terms its listing and organisations
	 * @param requesterId the person who asked
	 * @param quantity units taken
	 * @param range its time
	 * @param seriesId the series it belongs to
	 * @param status where it stands
	 * @param occurredAt when the event happened
	 * @return the facts
	 */
	static BookingFacts of(String bookingId, BookingTerms terms, String requesterId, int quantity, TimeRange range,
			@Nullable String seriesId, BookingStatus status, Instant occurredAt) {
		String zone = terms.timeZone();
		return new BookingFacts(bookingId, terms.listingId(), terms.listingTitle(), terms.listingKind(),
				terms.unit().name(), terms.ownerOrganisationId(), terms.ownerOrganisationName(),
				terms.borrowerOrganisationId(), terms.borrowerOrganisationName(), requesterId, quantity, range.start(),
				range.end(), zone, local(range.start(), zone), local(range.end(), zone),
				new Languages(terms.ownerLanguage(), terms.borrowerLanguage()), seriesId, status.name(), occurredAt);
	}

	/**
	 * An instant as the listing's wall-clock time, to the minute ({@code 2026-03-14T09:30}).
	 * @param instant the instant
	 * @param zone the listing's time zone (IANA id)
	 * @return the local date and time
	 */
	static String local(Instant instant, String zone) {
		return LocalDateTime.ofInstant(instant, ZoneId.of(zone)).format(LOCAL);
	}

}
