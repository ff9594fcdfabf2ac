package org.mutualis.identity.messaging;

import java.util.List;

import org.mutualis.identity.organisation.OrganisationEvent;
import org.mutualis.identity.organisation.OrganisationEvent.MembershipJoined;
import org.mutualis.identity.organisation.OrganisationEvent.MembershipLeft;
import org.mutualis.identity.organisation.OrganisationEvent.MembershipRoleChanged;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationApproved;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationReactivated;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationRegistered;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationRejected;
import org.mutualis.identity.organisation.OrganisationEvent.OrganisationSuspended;
import org.mutualis.identity.person.PersonRegistered;
import org.mutualis.platform.events.EventRecorder;
import org.mutualis.platform.events.OutboxMessage;
import org.mutualis.platform.events.Topics;

import org.springframework.stereotype.Component;

/** Turns identity's domain events into outbox messages on {@code mutualis.identity.v1}, with their wire type names. */
@Component
public class IdentityEvents {

	private final EventRecorder recorder;

	IdentityEvents(EventRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * Records organisation events; the key is the organisation id.
	 * @param events the events
	 * @return the outbox messages
	 */
	public List<OutboxMessage> ofOrganisation(List<OrganisationEvent> events) {
		return events.stream()
			.map((event) -> this.recorder.record(Topics.IDENTITY, type(event), event.organisationId(), event))
			.toList();
	}

	/**
	 * Records person events; the key is the person id.
	 * @param events the events
	 * @return the outbox messages
	 */
	public List<OutboxMessage> ofPerson(List<PersonRegistered> events) {
		return events.stream()
			.map((event) -> this.recorder.record(Topics.IDENTITY, "mutualis.person.registered.v1", event.personId(),
					event))
			.toList();
	}

	static String type(OrganisationEvent event) {
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
