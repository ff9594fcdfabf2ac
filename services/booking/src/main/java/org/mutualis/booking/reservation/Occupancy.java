package org.mutualis.booking.reservation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The per-listing record of units taken over time. Every write is one atomic conditional update of the listing's
 * document: units are taken only if every slot of the range still has room, so two writers can never both take the
 * last units (no "check, then save").
 */
public interface Occupancy {

	/** Units an owner block counts: more than any capacity, so nothing fits beside it. */
	int BLOCK_UNITS = 1_000_000;

	/**
	 * Takes units, if every slot of the hold's range has at least {@code hold.quantity()} free units.
	 * @param listingId the listing
	 * @param hold the hold (its id must be new to this listing)
	 * @param capacity units that exist
	 * @return the outcome
	 */
	HoldOutcome hold(String listingId, Hold hold, int capacity);

	/**
	 * Moves a hold to another range, keeping its units, if the slots it newly covers have room. The hold counts as
	 * taken at {@code movedAt}, so that the repair job leaves it alone for its grace while its booking is being saved.
	 * @param listingId the listing
	 * @param holdId the hold
	 * @param occupied the new range, buffers included
	 * @param capacity units that exist
	 * @param movedAt the current time
	 * @return {@link HoldOutcome#HELD} when moved, {@link HoldOutcome#FULL} when the new range has no room
	 */
	HoldOutcome move(String listingId, String holdId, TimeRange occupied, int capacity, Instant movedAt);

	/**
	 * Gives units back; a hold already released changes nothing.
	 * @param listingId the listing
	 * @param holdId the hold
	 * @return whether this call released it
	 */
	boolean release(String listingId, String holdId);

	/**
	 * Reads a listing's occupancy over a period.
	 * @param listingId the listing
	 * @param period the period
	 * @return units used per slot of the period and the holds overlapping it
	 */
	ListingOccupancy read(String listingId, TimeRange period);

	/**
	 * Reads several listings' occupancy over one period, in one query.
	 * @param listingIds the listings
	 * @param period the period
	 * @return listing id to occupancy, for the listings that have one
	 */
	Map<String, ListingOccupancy> readAll(Collection<String> listingIds, TimeRange period);

	/**
	 * Forgets what ended long ago, so that a listing's document stays small over the years: holds that ended before
	 * a time and the counters of slots before it that no remaining hold covers. Past slots are never consulted by a
	 * new request (its start is never in the past).
	 * @param before the time
	 * @return how many listing documents were pruned
	 */
	int prune(Instant before);

	/**
	 * Lists booking holds taken before a time, for the repair of holds whose booking never got written.
	 * @param before the time
	 * @return listing id and hold, oldest listings first
	 */
	List<Map.Entry<String, Hold>> bookingHoldsTakenBefore(Instant before);

}
