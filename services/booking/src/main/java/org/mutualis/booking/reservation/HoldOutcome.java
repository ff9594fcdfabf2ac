package org.mutualis.booking.reservation;

/** The answer of the occupancy to a conditional write. */
public enum HoldOutcome {

	/** The units were taken. */
	HELD,
	/** At least one instant of the range has too few free units: nothing was written. */
	FULL,
	/** A hold with this id exists already (a retried request): nothing was written. */
	ALREADY_HELD

}
