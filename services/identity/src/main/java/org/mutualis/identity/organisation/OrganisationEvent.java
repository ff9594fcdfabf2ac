package org.mutualis.identity.organisation;

import java.time.Instant;

import org.mutualis.identity.common.Language;

/** A fact about an organisation or its memberships; the subject of every one is the organisation id. */
public sealed interface OrganisationEvent {

	/** @return the organisation the fact is about */
	String organisationId();

	/** An organisation registered. */
	record OrganisationRegistered(String organisationId, String name, LegalForm legalForm, String sector, String mrc,
			String municipality, Language preferredLanguage, Instant registeredAt) implements OrganisationEvent {
	}

	/** An administrator approved an organisation. */
	record OrganisationApproved(String organisationId, String name, String mrc, String municipality, Instant approvedAt)
			implements OrganisationEvent {
	}

	/** An administrator rejected an organisation. */
	record OrganisationRejected(String organisationId, String reason, Instant rejectedAt) implements OrganisationEvent {
	}

	/** An administrator suspended an organisation. */
	record OrganisationSuspended(String organisationId, String reason, Instant suspendedAt) implements OrganisationEvent {
	}

	/** An administrator reactivated a suspended organisation. */
	record OrganisationReactivated(String organisationId, Instant reactivatedAt) implements OrganisationEvent {
	}

	/** A person joined an organisation. */
	record MembershipJoined(String organisationId, String personId, MembershipRole role, Instant joinedAt)
			implements OrganisationEvent {
	}

	/** A person left an organisation or was removed from it. */
	record MembershipLeft(String organisationId, String personId, Instant leftAt) implements OrganisationEvent {
	}

	/** A person's role in an organisation changed. */
	record MembershipRoleChanged(String organisationId, String personId, MembershipRole role,
			MembershipRole previousRole, Instant changedAt) implements OrganisationEvent {
	}

}
