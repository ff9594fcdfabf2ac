package org.mutualis.booking.reservation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.Title;

/**
 * Nobody answered the request in time. Published as {@code mutualis.booking.expired.v1}.
 *
 * @param bookingId the booking
 * @param listingId the listing
 * @param listingTitle the listing's title
 * @param listingKind the listing's kind
 * @param unit the listing's booking unit
 * @param ownerOrganisationId the owning organisation
 * @param ownerOrganisationName its name
 * @param borrowerOrganisationId the borrowing organisation
 * @param borrowerOrganisationName its name
 * @param requesterId the person who asked
 * @param quantity units taken
 * @param start first instant, UTC
 * @param end first instant after, UTC
 * @param timeZone the listing's time zone
 * @param localStart start in the listing's time zone, {@code yyyy-MM-ddTHH:mm}
 * @param localEnd end in the listing's time zone
 * @param languages preferred languages of both organisations
 * @param seriesId the series, if any
 * @param status the booking's status after the fact
 * @param occurredAt when it happened
 */
public record BookingExpired(String bookingId, String listingId, Title listingTitle, String listingKind, String unit,
		String ownerOrganisationId, String ownerOrganisationName, String borrowerOrganisationId,
		String borrowerOrganisationName, String requesterId, int quantity, Instant start, Instant end, String timeZone,
		String localStart, String localEnd, Languages languages, @Nullable String seriesId, String status,
		Instant occurredAt) implements BookingEvent {

	static BookingExpired of(BookingFacts facts) {
		return new BookingExpired(facts.bookingId(), facts.listingId(), facts.listingTitle(), facts.listingKind(),
				facts.unit(), facts.ownerOrganisationId(), facts.ownerOrganisationName(),
				facts.borrowerOrganisationId(), facts.borrowerOrganisationName(), facts.requesterId(), facts.quantity(),
				facts.start(), facts.end(), facts.timeZone(), facts.localStart(), facts.localEnd(), facts.languages(),
				facts.seriesId(), facts.status(), facts.occurredAt());
	}

}
