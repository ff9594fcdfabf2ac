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
	SUSPENDED;

	/** @return whether an organisation in this status is in good standing: neither rejected nor suspended */
	public boolean inGoodStanding() {
		return this != REJECTED && this != SUSPENDED;
	}

}
