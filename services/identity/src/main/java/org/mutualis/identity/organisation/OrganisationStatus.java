package org.mutualis.identity.organisation;

/** Where an organisation stands with the regional hub. */
public enum OrganisationStatus {

	/** Registered, waiting for an administrator to approve it; it can sign in but not yet publish or book. */
	REGISTERED,
	/** Approved: it takes full part in the marketplace. */
	APPROVED,
	/** Its registration was refused, with a reason. */
	REJECTED,
	/** Approved once, now suspended with a reason until an administrator reactivates it. */
	SUSPENDED

}
