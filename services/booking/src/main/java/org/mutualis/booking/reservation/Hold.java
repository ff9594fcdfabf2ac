package org.mutualis.booking.reservation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Units of a listing taken for a time in its occupancy: by a booking (its id is the booking's) or by the owner.
 *
 * @param id the booking id, or the owner block's id
 * @param kind booking or owner block
 * @param occupied the time taken, buffers included
 * @param quantity units taken
 * @param heldAt when the units were taken
 * @param quotaKey the monthly quota counter a booking took a place in
 * @param reason an owner block's reason
 */
public record Hold(String id, Kind kind, TimeRange occupied, int quantity, Instant heldAt, @Nullable String quotaKey,
		@Nullable String reason) {

	/** Who took the units. */
	public enum Kind {

		/** A booking (requested or confirmed). */
		BOOKING,
		/** The owner, for maintenance or own use: the whole listing, whatever its capacity. */
		BLOCK

	}

}
