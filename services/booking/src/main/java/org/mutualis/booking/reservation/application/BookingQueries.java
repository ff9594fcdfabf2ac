package org.mutualis.booking.reservation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingStatus;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.Bookings.BookingPage;
import org.mutualis.booking.reservation.Bookings.BookingQuery;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** Reads bookings for the people entitled to see them: one booking, and the paged lists people need. */
@Service
public class BookingQueries {

	/** Which of its own bookings an organisation lists. */
	public enum View {

		/** Confirmed and not ended yet, soonest first. */
		UPCOMING,
		/** Requested and waiting for the owner, soonest first. */
		PENDING,
		/** Ended, or no longer holding time, newest first. */
		PAST

	}

	private final Bookings bookings;

	private final ListingDirectory listings;

	private final Clock clock;

	BookingQueries(Bookings bookings, ListingDirectory listings, Clock clock) {
		this.bookings = bookings;
		this.listings = listings;
		this.clock = clock;
	}

	/**
	 * Reads one booking.
	 * @param actor a member or manager of either organisation
	 * @param id the booking
	 * @return it
	 */
	public Booking read(Actor actor, String id) {
		Booking booking = this.bookings.find(id).orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "booking-not-found"));
		BookingAccess.visibleSide(actor, booking);
		return booking;
	}

	/**
	 * Lists the bookings the actor's organisation made.
	 * @param actor a member or manager
	 * @param view which
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	public BookingPage mine(Actor actor, View view, int page, int size) {
		String organisation = BookingAccess.requireOrganisation(actor);
		Instant now = this.clock.instant();
		BookingQuery query = switch (view) {
			case UPCOMING -> new BookingQuery(organisation, null, null, Set.of(BookingStatus.CONFIRMED), now, null, false, false);
			case PENDING -> new BookingQuery(organisation, null, null, Set.of(BookingStatus.REQUESTED), now, null, false, false);
			case PAST -> new BookingQuery(organisation, null, null, Set.of(), null, now, true, false);
		};
		return this.bookings.list(query, page, size);
	}

	/**
	 * Lists pending requests for the actor's organisation's listings, soonest first; waiting-list offers join them once
	 * their borrower accepted them (before, the owner has nothing to decide).
	 * @param actor a member or manager of the owning organisation
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	public BookingPage incoming(Actor actor, int page, int size) {
		String organisation = BookingAccess.requireOrganisation(actor);
		return this.bookings.list(new BookingQuery(null, organisation, null, Set.of(BookingStatus.REQUESTED),
				this.clock.instant(), null, false, true), page, size);
	}

	/**
	 * Lists a listing's bookings for its owner, by start.
	 * @param actor a member or manager of the owning organisation
	 * @param listingId the listing
	 * @param activeOnly only those holding time (requested, confirmed)
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	public BookingPage ofListing(Actor actor, String listingId, boolean activeOnly, int page, int size) {
		String organisation = BookingAccess.requireOrganisation(actor);
		BookableListing listing = this.listings.find(listingId)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "listing-not-found"));
		if (!listing.ownerOrganisationId().equals(organisation)) {
			throw Refusal.of(Reason.FORBIDDEN, "not-listing-owner");
		}
		Set<BookingStatus> statuses = activeOnly ? EnumSet.of(BookingStatus.REQUESTED, BookingStatus.CONFIRMED) : Set.of();
		return this.bookings.list(new BookingQuery(null, null, listingId, statuses, null, null, false, false), page, size);
	}

}
