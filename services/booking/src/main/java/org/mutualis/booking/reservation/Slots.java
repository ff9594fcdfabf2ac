package org.mutualis.booking.reservation;

import java.time.Instant;

/**
 * Time cut in five-minute slots counted from the epoch: the grain of the occupancy counters. A range occupies every
 * slot it touches, so buffers that are not multiples of five minutes round outwards (never a shared minute).
 */
public final class Slots {

	/** Length of a slot in seconds. */
	public static final long SECONDS = 300;

	private Slots() {
	}

	/**
	 * The first slot a range touches.
	 * @param range the range
	 * @return slot index
	 */
	public static long first(TimeRange range) {
		return Math.floorDiv(range.start().getEpochSecond(), SECONDS);
	}

	/**
	 * The slot after the last one a range touches.
	 * @param range the range
	 * @return slot index, exclusive
	 */
	public static long end(TimeRange range) {
		long seconds = range.end().getEpochSecond() + ((range.end().getNano() > 0) ? 1 : 0);
		return Math.floorDiv(seconds + SECONDS - 1, SECONDS);
	}

	/**
	 * The start of a slot.
	 * @param slot slot index
	 * @return its first instant
	 */
	public static Instant startOf(long slot) {
		return Instant.ofEpochSecond(slot * SECONDS);
	}

}
