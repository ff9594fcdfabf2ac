package org.mutualis.listings.organisation;

/** An organisation's standing as identity last told this service. */
public enum OrganisationStatus {

	/** Registered, waiting for the regional pôle. */
	REGISTERED,
	/** Approved: may offer resources. */
	APPROVED,
	/** Refused by the regional pôle. */
	REJECTED,
	/** Suspended by the regional pôle. */
	SUSPENDED

}
