package org.mutualis.booking.reservation.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.booking.reservation.Hold;

/**
 * Hours an owner blocked.
 *
 * @param id the block
 * @param start first instant
 * @param end first instant after
 * @param reason why
 * @param createdAt when it was set
 */
record BlockView(String id, Instant start, Instant end, @Nullable String reason, Instant createdAt) {

	static BlockView of(Hold hold) {
		return new BlockView(hold.id(), hold.occupied().start(), hold.occupied().end(), hold.reason(), hold.heldAt());
	}

}
