package org.mutualis.booking.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a listing's occupancy holds over a period: units used per slot, and the holds.
 *
 * @param listingId the listing
 * @param used units used per slot index (absent = none)
 * @param holds the holds
 */
public record ListingOccupancy(String listingId, Map<Long, Integer> used, List<Hold> holds) {

	/**
	 * Units used in a slot.
	 * @param slot slot index
	 * @return units used, possibly more than the capacity when an owner block covers it
	 */
	public int usedIn(long slot) {
		return this.used.getOrDefault(slot, 0);
	}

	/**
	 * The most units used at once over a range.
	 * @param range a range
	 * @return the peak
	 */
	public int peak(TimeRange range) {
		int peak = 0;
		for (long slot = Slots.first(range); slot < Slots.end(range); slot++) {
			peak = Math.max(peak, usedIn(slot));
		}
		return peak;
	}

	/**
	 * Tells whether a quantity fits over a range.
	 * @param range the range, buffers included
	 * @param quantity units wanted
	 * @param capacity units that exist
	 * @return whether every slot has room
	 */
	public boolean fits(TimeRange range, int quantity, int capacity) {
		return peak(range) + quantity <= capacity;
	}

	/**
	 * Tells whether a hold would fit if moved to another range: its own units do not count against it where its
	 * present range and the new one overlap.
	 * @param holdId the hold that would move
	 * @param range the new range, buffers included
	 * @param quantity units wanted
	 * @param capacity units that exist
	 * @return whether every slot of the new range has room
	 */
	public boolean fitsMoved(String holdId, TimeRange range, int quantity, int capacity) {
		Hold own = this.holds.stream().filter((hold) -> hold.id().equals(holdId)).findFirst().orElse(null);
		for (long slot = Slots.first(range); slot < Slots.end(range); slot++) {
			int used = usedIn(slot);
			if (own != null && slot >= Slots.first(own.occupied()) && slot < Slots.end(own.occupied())) {
				used -= own.quantity();
			}
			if (used + quantity > capacity) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An occupancy with nothing taken.
	 * @param listingId the listing
	 * @return it
	 */
	public static ListingOccupancy empty(String listingId) {
		return new ListingOccupancy(listingId, Map.of(), List.of());
	}

	/**
	 * The start instant of a slot.
	 * @param slot slot index
	 * @return its start
	 */
	public static Instant startOf(long slot) {
		return Slots.startOf(slot);
	}

}
