package org.mutualis.booking.reservation.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.Title;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingState;
import org.mutualis.booking.reservation.Proposal;

/**
 * A booking as its two organisations see it.
 *
 * @param id booking id
 * @param version its version (also its {@code ETag})
 * @param status where it stands
 * @param listingId the listing
 * @param listingTitle its title
 * @param listingKind its kind
 * @param unit its booking unit
 * @param mode instant or approval
 * @param ownerOrganisationId the owner
 * @param ownerOrganisationName its name
 * @param borrowerOrganisationId the borrower
 * @param borrowerOrganisationName its name
 * @param requesterId who asked
 * @param quantity units
 * @param start first instant
 * @param end first instant after
 * @param timeZone the listing's time zone
 * @param localStart start, local
 * @param localEnd end, local
 * @param message the requester's note
 * @param expiresAt when an unanswered request expires
 * @param proposal the owner's pending counter-proposal
 * @param seriesId its series
 * @param reason why it was declined or cancelled
 * @param costMode cost recovery mode
 * @param requestedAt when it was requested
 * @param offerPending whether it is a waiting-list offer its borrower has not accepted yet (accept it with
 * {@code POST /api/bookings/{id}/waitlist-offer/accept}; cancel it to let it go)
 */
record BookingView(String id, long version, String status, String listingId, Title listingTitle, String listingKind,
		String unit, String mode, String ownerOrganisationId, String ownerOrganisationName, String borrowerOrganisationId,
		String borrowerOrganisationName, String requesterId, int quantity, Instant start, Instant end, String timeZone,
		LocalDateTime localStart, LocalDateTime localEnd, @Nullable String message, @Nullable Instant expiresAt,
		@Nullable ProposalView proposal, @Nullable String seriesId, @Nullable String reason, String costMode,
		Instant requestedAt, boolean offerPending) {

	static BookingView of(Booking booking) {
		BookingState s = booking.state();
		ZoneId zone = ZoneId.of(s.terms().timeZone());
		Proposal p = s.proposal();
		ProposalView proposal = (p != null) ? new ProposalView(p.range().start(), p.range().end(),
				LocalDateTime.ofInstant(p.range().start(), zone), LocalDateTime.ofInstant(p.range().end(), zone),
				p.message(), p.proposedAt()) : null;
		return new BookingView(s.id(), booking.version(), s.status().name(), s.terms().listingId(),
				s.terms().listingTitle(), s.terms().listingKind(), s.terms().unit().name(), s.terms().mode().name(),
				s.terms().ownerOrganisationId(), s.terms().ownerOrganisationName(), s.terms().borrowerOrganisationId(),
				s.terms().borrowerOrganisationName(), s.requesterId(), s.quantity(), s.start(), s.end(), zone.getId(),
				LocalDateTime.ofInstant(s.start(), zone), LocalDateTime.ofInstant(s.end(), zone), s.message(),
				s.expiresAt(), proposal, s.seriesId(), s.reason(), s.terms().costMode(), s.requestedAt(),
				s.offerPending());
	}

	/**
	 * A pending counter-proposal.
	 * @param start proposed start
	 * @param end proposed end
	 * @param localStart start, local
	 * @param localEnd end, local
	 * @param message the owner's note
	 * @param proposedAt when
	 */
	record ProposalView(Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd,
			@Nullable String message, Instant proposedAt) {
	}

}
