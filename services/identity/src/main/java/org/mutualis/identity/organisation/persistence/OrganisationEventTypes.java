package org.mutualis.identity.organisation.persistence;

import org.mutualis.identity.organisation.MembershipJoined;
import org.mutualis.identity.organisation.MembershipLeft;
import org.mutualis.identity.organisation.MembershipRoleChanged;
import org.mutualis.identity.organisation.OrganisationApproved;
import org.mutualis.identity.organisation.OrganisationEvent;
import org.mutualis.identity.organisation.OrganisationReactivated;
import org.mutualis.identity.organisation.OrganisationRegistered;
import org.mutualis.identity.organisation.OrganisationRejected;
import org.mutualis.identity.organisation.OrganisationSuspended;

/** The wire type names of organisation and membership events, as their contracts name them. */
final class OrganisationEventTypes {

	private OrganisationEventTypes() {
	}

	static String typeOf(OrganisationEvent event) {
		return switch (event) {
			case OrganisationRegistered e -> "mutualis.organisation.registered.v1";
			case OrganisationApproved e -> "mutualis.organisation.approved.v1";
			case OrganisationRejected e -> "mutualis.organisation.rejected.v1";
			case OrganisationSuspended e -> "mutualis.organisation.suspended.v1";
			case OrganisationReactivated e -> "mutualis.organisation.reactivated.v1";
			case MembershipJoined e -> "mutualis.membership.joined.v1";
			case MembershipLeft e -> "mutualis.membership.left.v1";
			case MembershipRoleChanged e -> "mutualis.membership.role-changed.v1";
		};
	}

}
