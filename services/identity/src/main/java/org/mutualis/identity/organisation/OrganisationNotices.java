package org.mutualis.identity.organisation;

/** Tells an organisation, by e-mail in its language, what the regional hub decided about it. */
public interface OrganisationNotices {

	/**
	 * Announces the approval.
	 * @param organisation the approved organisation
	 */
	void approved(Organisation organisation);

	/**
	 * Announces the rejection and its reason.
	 * @param organisation the rejected organisation
	 */
	void rejected(Organisation organisation);

}
