package org.mutualis.identity.organisation.application;

import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** Shows an organisation, with its members, to the people who act for it and to administrators. */
@Service
public class OrganisationViewing {

	private final Organisations organisations;

	/**
	 * Creates the service.
	 * @param organisations organisation store
	 */
	public OrganisationViewing(Organisations organisations) {
		this.organisations = organisations;
	}

	/**
	 * Shows an organisation. Precondition: the actor acts for it or is an administrator.
	 * @param actor who asks
	 * @param organisationId the organisation
	 * @return the organisation
	 */
	public Organisation view(Actor actor, String organisationId) {
		if (!actor.actsFor(organisationId) && !actor.isAdmin()) {
			throw Refusal.of(Reason.FORBIDDEN, "not-member");
		}
		Organisation organisation = this.organisations.find(organisationId)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "organisation-not-found"));
		// the token may predate the person's removal: what counts is the membership as it stands now
		if (!actor.isAdmin() && organisation.roleOf(actor.personId()).isEmpty()) {
			throw Refusal.of(Reason.FORBIDDEN, "not-member");
		}
		return organisation;
	}

}
