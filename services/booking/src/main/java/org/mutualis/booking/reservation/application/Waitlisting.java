package org.mutualis.booking.reservation.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.config.BookingProperties;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.organisation.Organisation;
import org.mutualis.booking.organisation.Organisations;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingTerms;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.Hold;
import org.mutualis.booking.reservation.HoldOutcome;
import org.mutualis.booking.reservation.ListingOccupancy;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.RequestRules;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.booking.reservation.Waitlist;
import org.mutualis.booking.reservation.WaitlistEntry;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Waiting lists: a borrower whose time is full joins the listing's queue; when units free up (a decline, an expiry, a
 * cancellation, a lifted block), the first waiting entries whose time now fits are offered it, in the order they
 * joined. An offer is a pending booking that holds the units (same conditional write as any request) until
 * {@link BookingProperties#waitlistOfferHold()}; its {@code mutualis.booking.waitlist-offered.v1} event tells the
 * borrower. The borrower accepts it (it becomes an ordinary request) or lets it lapse (it expires, which frees the
 * units for the next one).
 */
@Service
public class Waitlisting {

	private static final Logger log = LoggerFactory.getLogger(Waitlisting.class);

	private final Waitlist waitlist;

	private final ListingDirectory listings;

	private final Organisations organisations;

	private final Occupancy occupancy;

	private final Bookings bookings;

	private final Reserving reserving;

	private final BookingProperties properties;

	private final Clock clock;

	private final RequestRules rules = new RequestRules();

	Waitlisting(Waitlist waitlist, ListingDirectory listings, Organisations organisations, Occupancy occupancy,
			Bookings bookings, Reserving reserving, BookingProperties properties, Clock clock) {
		this.waitlist = waitlist;
		this.listings = listings;
		this.organisations = organisations;
		this.occupancy = occupancy;
		this.bookings = bookings;
		this.reserving = reserving;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Joins a listing's waiting list for a time that is full now.
	 * @param actor a member or manager of an approved organisation
	 * @param request the time and quantity wanted (it must keep the listing's rules)
	 * @return the entry
	 */
	public WaitlistEntry join(Actor actor, Reserving.Request request) {
		String borrowerId = BookingAccess.requireOrganisation(actor);
		this.organisations.find(borrowerId)
			.filter(Organisation::mayBook)
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "organisation-not-approved"));
		BookableListing listing = this.listings.find(request.listingId())
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "listing-not-found"));
		if (!listing.isBookable()) {
			throw Refusal.of(Reason.UNPROCESSABLE, "listing-not-bookable");
		}
		if (listing.ownerOrganisationId().equals(borrowerId)) {
			throw Refusal.of(Reason.UNPROCESSABLE, "own-listing");
		}
		TimeRange range = Reserving.range(request.start(), request.end());
		Instant now = this.clock.instant();
		this.rules.check(listing, range, request.quantity(), request.prerequisitesAccepted(), now).orRefuse();
		TimeRange occupied = occupied(listing, range);
		ListingOccupancy current = this.occupancy.read(listing.id(), occupied);
		if (current.fits(occupied, request.quantity(), listing.capacity())) {
			throw Refusal.of(Reason.CONFLICT, "slot-available");
		}
		// waiting behind one's own request or booking would only be offered one's own time back
		current.holds()
			.stream()
			.filter((hold) -> hold.kind() == Hold.Kind.BOOKING && hold.occupied().overlaps(occupied))
			.map((hold) -> this.bookings.find(hold.id()))
			.flatMap(Optional::stream)
			.filter((booking) -> booking.terms().borrowerOrganisationId().equals(borrowerId)
					&& booking.status().holdsTime())
			.findFirst()
			.ifPresent((own) -> {
				throw Refusal.of(Reason.CONFLICT, "own-booking-holds-time").with("bookingId", own.id());
			});
		this.waitlist.ofOrganisation(borrowerId)
			.stream()
			.filter((waiting) -> waiting.status() == WaitlistEntry.Status.WAITING
					&& waiting.listingId().equals(listing.id()) && waiting.range().overlaps(range))
			.findFirst()
			.ifPresent((waiting) -> {
				// one place in the line per organisation and time: a second would only push the others back
				throw Refusal.of(Reason.CONFLICT, "already-waiting").with("entryId", waiting.id());
			});
		WaitlistEntry entry = new WaitlistEntry(UUID.randomUUID().toString(), listing.id(), borrowerId, actor.personId(),
				range, request.quantity(), now, WaitlistEntry.Status.WAITING, null);
		this.waitlist.add(entry);
		return entry;
	}

	/**
	 * Lists the actor's organisation's entries.
	 * @param actor a member or manager
	 * @return the entries, newest first
	 */
	public List<WaitlistEntry> mine(Actor actor) {
		return this.waitlist.ofOrganisation(BookingAccess.requireOrganisation(actor));
	}

	/**
	 * Leaves a waiting list.
	 * @param actor a member or manager of the waiting organisation
	 * @param entryId the entry
	 */
	public void withdraw(Actor actor, String entryId) {
		String organisation = BookingAccess.requireOrganisation(actor);
		WaitlistEntry entry = this.waitlist.find(entryId)
			.filter((e) -> e.borrowerOrganisationId().equals(organisation))
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "waitlist-entry-not-found"));
		if (!this.waitlist.withdraw(entry.id())) {
			throw Refusal.of(Reason.CONFLICT, "waitlist-entry-not-waiting");
		}
	}

	/**
	 * Accepts a waiting-list offer.
	 * @param actor a member or manager of the borrower
	 * @param bookingId the offered booking
	 * @return the booking, now an ordinary request (or confirmed for an instant listing)
	 */
	public Booking acceptOffer(Actor actor, String bookingId) {
		Booking booking = this.bookings.find(bookingId)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "booking-not-found"));
		BookingAccess.requireBorrower(actor, booking);
		booking.acceptOffer(actor.personId(), this.clock.instant(), this.properties.answerWithin());
		this.bookings.save(booking);
		return booking;
	}

	/**
	 * Puts back in the queue the entry offered as a booking that was never written (a crash or a store failure between
	 * marking the entry offered and saving the offer); the next offer of freed time offers it again.
	 * @param bookingId the booking whose write is known to be missing
	 * @return whether an entry waits again
	 */
	public boolean reopenOffer(String bookingId) {
		boolean reopened = this.waitlist.reopen(bookingId);
		if (reopened) {
			log.warn("waiting-list offer {} was never written: its entry waits again", bookingId);
		}
		return reopened;
	}

	/**
	 * Offers freed units of a listing to its waiting entries, first joined first, as long as their time fits.
	 * @param listingId the listing where units were freed
	 * @return how many offers were made
	 */
	public int offerFreedTime(String listingId) {
		List<WaitlistEntry> waiting = this.waitlist.waiting(listingId, this.clock.instant());
		if (waiting.isEmpty()) {
			return 0;
		}
		BookableListing listing = this.listings.find(listingId).filter(BookableListing::isBookable).orElse(null);
		if (listing == null) {
			return 0;
		}
		int offers = 0;
		for (WaitlistEntry entry : waiting) {
			if (offer(listing, entry)) {
				offers++;
			}
		}
		return offers;
	}

	private boolean offer(BookableListing listing, WaitlistEntry entry) {
		Organisation borrower = this.organisations.find(entry.borrowerOrganisationId())
			.filter(Organisation::mayBook)
			.orElse(null);
		if (borrower == null) {
			return false;
		}
		Instant now = this.clock.instant();
		String bookingId = UUID.nameUUIDFromBytes(("waitlist|" + entry.id()).getBytes(StandardCharsets.UTF_8)).toString();
		@Nullable String quotaKey;
		try {
			quotaKey = this.reserving.takeQuotaPlace(listing, borrower.id(), bookingId, entry.range());
		}
		catch (Refusal quotaReached) {
			return false;
		}
		if (this.occupancy.hold(listing.id(), new Hold(bookingId, Hold.Kind.BOOKING, occupied(listing, entry.range()),
				entry.quantity(), now, quotaKey, null), listing.capacity()) != HoldOutcome.HELD) {
			this.reserving.giveBackQuota(quotaKey, bookingId);
			return false;
		}
		if (!this.waitlist.markOffered(entry.id(), bookingId)) {
			this.occupancy.release(listing.id(), bookingId);
			this.reserving.giveBackQuota(quotaKey, bookingId);
			return false;
		}
		BookingTerms terms = this.reserving.terms(listing, borrower);
		try {
			this.bookings.save(Booking.offerFromWaitlist(bookingId, terms, entry.requesterId(), entry.quantity(),
					entry.range(), entry.id(), quotaKey, now, this.properties.waitlistOfferHold()));
		}
		catch (DuplicateKeyException ex) {
			// an earlier offer's write that was thought lost arrived after all: that booking now has the units
			log.warn("waiting-list offer {} of entry {} was stored after all", bookingId, entry.id());
		}
		log.info("offered freed time of listing {} to waiting entry {} as booking {}", listing.id(), entry.id(), bookingId);
		return true;
	}

	private static TimeRange occupied(BookableListing listing, TimeRange range) {
		return range.widened(Duration.ofMinutes(listing.rules().bufferBeforeMinutes()),
				Duration.ofMinutes(listing.rules().bufferAfterMinutes()));
	}

}
