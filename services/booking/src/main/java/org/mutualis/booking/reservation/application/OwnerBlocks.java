package org.mutualis.booking.reservation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.reservation.Hold;
import org.mutualis.booking.reservation.HoldOutcome;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/**
 * Owners block hours of their listing (maintenance, own use) with the same conditional write as bookings: a block
 * takes the whole listing, so it is refused where any booking holds time, and nothing can be booked beside it.
 */
@Service
public class OwnerBlocks {

	/** The longest block: 31 days. */
	static final Duration MAX_BLOCK = Duration.ofDays(31);

	private final ListingDirectory listings;

	private final Occupancy occupancy;

	private final Waitlisting waitlisting;

	private final Clock clock;

	OwnerBlocks(ListingDirectory listings, Occupancy occupancy, Waitlisting waitlisting, Clock clock) {
		this.listings = listings;
		this.occupancy = occupancy;
		this.waitlisting = waitlisting;
		this.clock = clock;
	}

	/**
	 * Blocks a period.
	 * @param actor a manager of the owning organisation
	 * @param listingId the listing
	 * @param start first instant, on the hour's grain (whole five-minute slots are blocked)
	 * @param end first instant after
	 * @param reason why, for the owner's own records
	 * @return the block
	 */
	public Hold block(Actor actor, String listingId, Instant start, Instant end, String reason) {
		BookableListing listing = ownedListing(actor, listingId);
		TimeRange range = Reserving.range(start, end);
		if (range.duration().compareTo(MAX_BLOCK) > 0) {
			// each five-minute slot of a block is a counter in the listing's occupancy document, read and rewritten
			// with every later booking: a block of years made that document megabytes (or the service run out of
			// memory building it); closures of whole days are the listing's blackout days
			throw Refusal.invalidField("block-too-long", "end", MAX_BLOCK.toDays());
		}
		if (!range.end().isAfter(this.clock.instant())) {
			// a block that has ended would never be listed (the list shows blocks that end after now) nor lifted
			throw Refusal.invalidField("block-in-past", "end");
		}
		Hold hold = new Hold("block-" + UUID.randomUUID(), Hold.Kind.BLOCK, range, Occupancy.BLOCK_UNITS,
				this.clock.instant(), null, reason);
		if (this.occupancy.hold(listing.id(), hold, Occupancy.BLOCK_UNITS) != HoldOutcome.HELD) {
			throw Refusal.of(Reason.CONFLICT, "period-not-free");
		}
		return hold;
	}

	/**
	 * Lists the blocks of a listing that end after now.
	 * @param actor a member or manager of the owning organisation
	 * @param listingId the listing
	 * @return the blocks
	 */
	public List<Hold> blocks(Actor actor, String listingId) {
		String organisation = BookingAccess.requireOrganisation(actor);
		BookableListing listing = this.listings.find(listingId)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "listing-not-found"));
		if (!listing.ownerOrganisationId().equals(organisation)) {
			throw Refusal.of(Reason.FORBIDDEN, "not-listing-owner");
		}
		Instant now = this.clock.instant();
		return this.occupancy.read(listingId, new TimeRange(now, now.plus(Duration.ofDays(3660))))
			.holds()
			.stream()
			.filter((hold) -> hold.kind() == Hold.Kind.BLOCK)
			.toList();
	}

	/**
	 * Lifts a block.
	 * @param actor a manager of the owning organisation
	 * @param listingId the listing
	 * @param blockId the block
	 */
	public void unblock(Actor actor, String listingId, String blockId) {
		BookableListing listing = ownedListing(actor, listingId);
		if (!blockId.startsWith("block-") || !this.occupancy.release(listing.id(), blockId)) {
			throw Refusal.of(Reason.NOT_FOUND, "block-not-found");
		}
		this.waitlisting.offerFreedTime(listing.id());
	}

	private BookableListing ownedListing(Actor actor, String listingId) {
		BookingAccess.requireOrganisation(actor);
		BookableListing listing = this.listings.find(listingId)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "listing-not-found"));
		if (!actor.manages(listing.ownerOrganisationId())) {
			throw Refusal.of(Reason.FORBIDDEN, "not-owner-manager");
		}
		return listing;
	}

}
