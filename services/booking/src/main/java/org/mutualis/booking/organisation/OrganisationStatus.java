package org.mutualis.booking.organisation;

/** An organisation's standing with the regional hub, as identity last announced it. */
public enum OrganisationStatus {

	/** Registered, waiting for approval: may not book. */
	REGISTERED,
	/** Approved: its members may book. */
	APPROVED,
	/** Refused by the hub: may not book. */
	REJECTED,
	/** Suspended by the hub: may not book. */
	SUSPENDED

}
