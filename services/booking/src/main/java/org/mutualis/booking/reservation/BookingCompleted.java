package org.mutualis.booking.reservation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.Title;

/**
 * A confirmed booking ended; carries what the ledger and the impact figures need. Published as {@code
 * mutualis.booking.completed.v1}.
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
 * @param costMode {@code FREE}, {@code RATE} or {@code TO_AGREE}
 * @param amountDue CAD the borrower owes the owner, exact, two decimals
 * @param marketValue market value of what was used, CAD, if known
 * @param bookedUnits units booked × quantity
 * @param hours hours × quantity
 * @param mrc MRC of the listing
 * @param ownerSector the owner's sector
 * @param borrowerSector the borrower's sector
 */
public record BookingCompleted(String bookingId, String listingId, Title listingTitle, String listingKind, String unit,
		String ownerOrganisationId, String ownerOrganisationName, String borrowerOrganisationId,
		String borrowerOrganisationName, String requesterId, int quantity, Instant start, Instant end, String timeZone,
		String localStart, String localEnd, Languages languages, @Nullable String seriesId, String status,
		Instant occurredAt, String costMode, String amountDue, @Nullable String marketValue, double bookedUnits,
		double hours, String mrc, @Nullable String ownerSector, @Nullable String borrowerSector) implements BookingEvent {

	static BookingCompleted of(BookingFacts facts, String costMode, String amountDue, @Nullable String marketValue,
			double bookedUnits, double hours, String mrc, @Nullable String ownerSector, @Nullable String borrowerSector) {
		return new BookingCompleted(facts.bookingId(), facts.listingId(), facts.listingTitle(), facts.listingKind(),
				facts.unit(), facts.ownerOrganisationId(), facts.ownerOrganisationName(),
				facts.borrowerOrganisationId(), facts.borrowerOrganisationName(), facts.requesterId(), facts.quantity(),
				facts.start(), facts.end(), facts.timeZone(), facts.localStart(), facts.localEnd(), facts.languages(),
				facts.seriesId(), facts.status(), facts.occurredAt(), costMode, amountDue, marketValue, bookedUnits,
				hours, mrc, ownerSector, borrowerSector);
	}

}
