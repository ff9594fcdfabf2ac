package org.mutualis.booking.impact;

/** The kinds of shared resource, as listings name them. */
public enum ResourceKind {

	/** People's working time: counted in staff hours. */
	STAFF_TIME,
	/** Equipment: counted in equipment-days. */
	EQUIPMENT,
	/** Advice and know-how: counted in staff hours. */
	EXPERTISE,
	/** Rooms, kitchens, land, buildings: counted in space-hours. */
	SPACE

}
