package org.mutualis.listings.organisation;

/** Whether the organisation that owns a listing may offer resources, as this service last heard from identity. */
public enum OrganisationStanding {

	/** Approved by the regional pôle and active. */
	APPROVED,
	/** Not (or no longer) allowed to offer: unknown, pending, rejected or suspended. */
	NOT_APPROVED

}
