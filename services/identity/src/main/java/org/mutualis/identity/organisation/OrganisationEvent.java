package org.mutualis.identity.organisation;

/** A fact about an organisation or its memberships; the subject of every one is the organisation id. */
public sealed interface OrganisationEvent permits OrganisationRegistered, OrganisationApproved, OrganisationRejected,
		OrganisationSuspended, OrganisationReactivated, MembershipJoined, MembershipLeft, MembershipRoleChanged {

}
