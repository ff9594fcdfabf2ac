package org.mutualis.booking.reservation;

import java.time.Duration;
import java.time.Instant;

/**
 * A half-open interval of time {@code [start, end)}, in UTC.
 *
 * @param start first instant
 * @param end first instant after, later than {@code start}
 */
public record TimeRange(Instant start, Instant end) {

	/** Creates the range; refuses an empty or reversed one. */
	public TimeRange {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("end " + end + " is not after start " + start);
		}
	}

	/** @return its length */
	public Duration duration() {
		return Duration.between(this.start, this.end);
	}

	/**
	 * Tells whether two ranges share an instant.
	 * @param other another range
	 * @return whether they overlap
	 */
	public boolean overlaps(TimeRange other) {
		return this.start.isBefore(other.end) && other.start.isBefore(this.end);
	}

	/**
	 * The range widened by buffers.
	 * @param before kept free before
	 * @param after kept free after
	 * @return the wider range
	 */
	public TimeRange widened(Duration before, Duration after) {
		return new TimeRange(this.start.minus(before), this.end.plus(after));
	}

	/**
	 * The same length moved to another start.
	 * @param newStart the new start
	 * @return the moved range
	 */
	public TimeRange startingAt(Instant newStart) {
		return new TimeRange(newStart, newStart.plus(duration()));
	}

	/**
	 * A deadline for something pending on this time, which never outlives its start.
	 * @param deadline the deadline asked for
	 * @return the deadline, or the start when that comes first
	 */
	public Instant cappedAtStart(Instant deadline) {
		return deadline.isBefore(this.start) ? deadline : this.start;
	}

}
