package org.mutualis.booking.reservation.application;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.HoldOutcome;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.Proposal;
import org.mutualis.booking.reservation.RequestRules;
import org.mutualis.booking.reservation.Side;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** What the two sides decide about an existing booking: confirm, decline, cancel, propose another time, no-show. */
@Service
public class BookingDecisions {

	private final Bookings bookings;

	private final ListingDirectory listings;

	private final Occupancy occupancy;

	private final Releases releases;

	private final FreeTimeFinder finder;

	private final Clock clock;

	private final RequestRules rules = new RequestRules();

	BookingDecisions(Bookings bookings, ListingDirectory listings, Occupancy occupancy, Releases releases,
			FreeTimeFinder finder, Clock clock) {
		this.finder = finder;
		this.bookings = bookings;
		this.listings = listings;
		this.occupancy = occupancy;
		this.releases = releases;
		this.clock = clock;
	}

	/**
	 * Confirms a pending request.
	 * @param actor a manager of the owning organisation
	 * @param id the booking
	 * @param expectedVersion the version the caller saw, if given
	 * @return the booking
	 */
	public Booking confirm(Actor actor, String id, @Nullable Long expectedVersion) {
		Booking booking = load(id, expectedVersion, actor);
		BookingAccess.requireOwnerManager(actor, booking);
		booking.confirm(actor.personId(), now());
		this.bookings.save(booking);
		return booking;
	}

	/**
	 * Declines a pending request.
	 * @param actor a manager of the owning organisation
	 * @param id the booking
	 * @param reason why
	 * @param expectedVersion the version the caller saw, if given
	 * @return the booking
	 */
	public Booking decline(Actor actor, String id, String reason, @Nullable Long expectedVersion) {
		Booking booking = load(id, expectedVersion, actor);
		BookingAccess.requireOwnerManager(actor, booking);
		booking.decline(actor.personId(), reason, now());
		return saveAndRelease(booking);
	}

	/**
	 * Cancels a booking before its start, within the cancellation notice once confirmed.
	 * @param actor a member or manager of the borrower, or a manager of the owner
	 * @param id the booking
	 * @param reason why
	 * @param expectedVersion the version the caller saw, if given
	 * @return the booking
	 */
	public Booking cancel(Actor actor, String id, String reason, @Nullable Long expectedVersion) {
		Booking booking = load(id, expectedVersion, actor);
		Side side = BookingAccess.requireCanceller(actor, booking);
		booking.cancel(side, actor.personId(), reason, now());
		return saveAndRelease(booking);
	}

	/**
	 * Proposes another time for a pending request; the time must keep the listing's rules.
	 * @param actor a manager of the owning organisation
	 * @param id the booking
	 * @param start proposed start
	 * @param end proposed end
	 * @param message a note to the requester
	 * @param expectedVersion the version the caller saw, if given
	 * @return the booking
	 */
	public Booking proposeOtherTime(Actor actor, String id, Instant start, Instant end, @Nullable String message,
			@Nullable Long expectedVersion) {
		Booking booking = load(id, expectedVersion, actor);
		BookingAccess.requireOwnerManager(actor, booking);
		TimeRange proposed = Reserving.range(start, end);
		Instant now = now();
		BookableListing listing = this.listings.find(booking.terms().listingId())
			.filter(BookableListing::isBookable)
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "listing-not-bookable"));
		this.rules.checkTime(listing, proposed, now).orRefuse();
		YearMonth requestedMonth = YearMonth.from(booking.range().start().atZone(listing.timeZone()));
		if (booking.quotaKey() != null
				&& !requestedMonth.equals(YearMonth.from(proposed.start().atZone(listing.timeZone())))) {
			// the request took its place in its month's quota; the place does not move with the time
			throw Refusal.of(Reason.UNPROCESSABLE, "proposal-other-quota-month", requestedMonth.toString())
				.with("month", requestedMonth.toString());
		}
		// a time already taken could never be accepted: refused now, as a request for it would be (the accept
		// still takes the units atomically, so a time taken meanwhile is refused then)
		TimeRange occupied = booking.terms().occupied(proposed);
		if (!this.occupancy.read(listing.id(), occupied)
			.fitsMoved(booking.id(), occupied, booking.quantity(), listing.capacity())) {
			Refusal full = Refusal.of(Reason.CONFLICT, "slot-unavailable");
			this.finder.nextFreeStart(listing, proposed, booking.quantity(), now)
				.ifPresent((free) -> full.with("nextFreeStart", free.toString()));
			throw full;
		}
		booking.proposeOtherTime(actor.personId(), proposed, message, now);
		this.bookings.save(booking);
		return booking;
	}

	/**
	 * Accepts the owner's proposal: the units move to the proposed time (one conditional write on the occupancy),
	 * then the booking is confirmed there.
	 * @param actor a member or manager of the borrower
	 * @param id the booking
	 * @param expectedVersion the version the caller saw, if given
	 * @return the booking
	 */
	public Booking acceptProposal(Actor actor, String id, @Nullable Long expectedVersion) {
		Booking booking = load(id, expectedVersion, actor);
		BookingAccess.requireBorrower(actor, booking);
		Proposal proposal = booking.proposal();
		if (proposal == null) {
			throw Refusal.of(Reason.CONFLICT, "no-counter-proposal");
		}
		BookableListing listing = this.listings.find(booking.terms().listingId())
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "listing-not-bookable"));
		TimeRange before = booking.occupied();
		if (this.occupancy.move(listing.id(), booking.id(), booking.terms().occupied(proposal.range()),
				listing.capacity(), now()) != HoldOutcome.HELD) {
			throw Refusal.of(Reason.CONFLICT, "slot-unavailable");
		}
		booking.acceptProposal(actor.personId(), now());
		long loaded = booking.version();
		try {
			this.bookings.save(booking);
		}
		catch (RuntimeException ex) {
			return afterFailedAccept(booking, loaded, before, listing.capacity(), ex);
		}
		// the time the request held before is free now: the waiting list may have it
		this.releases.offerFreedTime(booking);
		return booking;
	}

	/**
	 * The save of an accepted proposal failed: whether it was written is unknown (a store that times out may have
	 * applied it). The stored booking decides where the hold belongs: written at the new time, the accept succeeded;
	 * still at the old time, the units go back there (a timed-out write applied later still is put right by the repair
	 * job, which makes every hold follow its booking). When even that read fails, the hold stays at the new time and
	 * the repair job moves it to wherever the booking is once the repair grace has passed (the move made the hold
	 * count as new).
	 */
	private Booking afterFailedAccept(Booking accepted, long loaded, TimeRange before, int capacity,
			RuntimeException failure) {
		Booking stored;
		try {
			stored = this.bookings.find(accepted.id()).orElseThrow(() -> failure);
		}
		catch (RuntimeException unreadable) {
			failure.addSuppressed(unreadable);
			throw failure;
		}
		if (stored.version() > loaded && stored.range().equals(accepted.range())) {
			// stored at the new time (this write, or a concurrent accept of the same proposal): the hold is right
			return stored;
		}
		if (stored.status().holdsTime() && stored.occupied().equals(before)) {
			this.occupancy.move(accepted.terms().listingId(), accepted.id(), before, capacity, now());
		}
		throw failure;
	}

	/**
	 * Declines the owner's proposal, which withdraws the request.
	 * @param actor a member or manager of the borrower
	 * @param id the booking
	 * @param reason why, told to the owner
	 * @param expectedVersion the version the caller saw, if given
	 * @return the booking
	 */
	public Booking declineProposal(Actor actor, String id, String reason, @Nullable Long expectedVersion) {
		Booking booking = load(id, expectedVersion, actor);
		BookingAccess.requireBorrower(actor, booking);
		booking.declineProposal(actor.personId(), reason, now());
		return saveAndRelease(booking);
	}

	/**
	 * Records that the borrower did not come.
	 * @param actor a manager of the owning organisation
	 * @param id the booking
	 * @param expectedVersion the version the caller saw, if given
	 * @return the booking
	 */
	public Booking recordNoShow(Actor actor, String id, @Nullable Long expectedVersion) {
		Booking booking = load(id, expectedVersion, actor);
		BookingAccess.requireOwnerManager(actor, booking);
		booking.recordNoShow(actor.personId(), now());
		this.bookings.save(booking);
		return booking;
	}

	private Booking saveAndRelease(Booking booking) {
		this.bookings.save(booking);
		this.releases.releaseIfFreed(booking);
		return booking;
	}

	private Booking load(String id, @Nullable Long expectedVersion, Actor actor) {
		Booking booking = this.bookings.find(id).orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "booking-not-found"));
		BookingAccess.visibleSide(actor, booking);
		if (expectedVersion != null) {
			booking.requireVersion(expectedVersion);
		}
		return booking;
	}

	private Instant now() {
		return this.clock.instant();
	}

}
