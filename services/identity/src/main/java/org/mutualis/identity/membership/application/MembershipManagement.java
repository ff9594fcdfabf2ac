package org.mutualis.identity.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mutualis.identity.common.Emails;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.InvitationNotices;
import org.mutualis.identity.membership.Invitations;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.FieldProblem;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

import org.springframework.stereotype.Service;

/** What managers do with their organisation's members: invite, change roles, remove. */
@Service
public class MembershipManagement {

	private final Organisations organisations;

	private final People people;

	private final Invitations invitations;

	private final InvitationNotices notices;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param organisations organisation store
	 * @param people person store
	 * @param invitations invitation store
	 * @param notices e-mails invitations
	 * @param clock the clock
	 */
	public MembershipManagement(Organisations organisations, People people, Invitations invitations,
			InvitationNotices notices, Clock clock) {
		this.organisations = organisations;
		this.people = people;
		this.invitations = invitations;
		this.notices = notices;
		this.clock = clock;
	}

	/**
	 * Invites someone by e-mail. Preconditions: the actor manages the organisation, which is approved and has sent
	 * fewer than {@link Invitation#DAILY_LIMIT} invitations in the last day; the address (regardless of case) is not
	 * that of a member ({@code 409 already-member}, the link could only fail) and has no invitation of this
	 * organisation waiting for its answer ({@code 409 already-invited}: only a hash of the first one's secret is kept,
	 * so it cannot be sent again; withdrawing it lets a new one go).
	 * @param actor who invites
	 * @param organisationId the organisation
	 * @param email the address to invite
	 * @param role the role offered
	 * @return the invitation
	 */
	public Invitation invite(Actor actor, String organisationId, String email, MembershipRole role) {
		Organisation organisation = managed(actor, organisationId);
		organisation.requireApproved();
		String address = Emails.requireValid(email, "email");
		Optional<Person> invitee = this.people.findByEmail(address);
		if (invitee.isPresent() && organisation.roleOf(invitee.get().id()).isPresent()) {
			throw new Refusal(Reason.CONFLICT, "already-member", "problem.already-member",
					List.of(new FieldProblem("email", "problem.already-member")));
		}
		Instant now = this.clock.instant();
		// checked before writing, like the cap below: two simultaneous invitations of one address may both go, and
		// accepting either then makes the other fail as already-member
		Optional<Invitation> waiting = this.invitations.pendingFor(organisationId, address, now);
		if (waiting.isPresent()) {
			throw new Refusal(Reason.CONFLICT, "already-invited", "problem.already-invited",
					List.of(new FieldProblem("email", "problem.already-invited")))
				.with("invitationId", waiting.get().id());
		}
		// a soft cap: simultaneous invitations may pass it by a few, which is all it has to prevent
		if (this.invitations.sentSince(organisationId, now.minus(Invitation.LIMIT_PERIOD)) >= Invitation.DAILY_LIMIT) {
			throw Refusal.of(Reason.TOO_MANY, "invitation-limit", Invitation.DAILY_LIMIT);
		}
		String secret = SecretTokens.newSecret();
		Invitation invitation = Invitation.send(UUID.randomUUID().toString(), organisationId, address, role,
				SecretTokens.hash(secret), actor.personId(), now);
		this.invitations.save(invitation);
		Language language = invitee.map(Person::preferredLanguage).orElse(organisation.profile().preferredLanguage());
		this.notices.invited(invitation, secret, organisation.profile().name(), language);
		return invitation;
	}

	/**
	 * Lists the organisation's invitations still waiting for their answer, the most recent first. Precondition: the
	 * actor manages the organisation.
	 * @param actor who asks
	 * @param organisationId the organisation
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return one page of them, and how many there are in all
	 */
	public PendingInvitations pendingInvitations(Actor actor, String organisationId, long offset, int limit) {
		managed(actor, organisationId);
		Instant now = this.clock.instant();
		return new PendingInvitations(this.invitations.pending(organisationId, now, offset, limit),
				this.invitations.countPending(organisationId, now));
	}

	/**
	 * Withdraws an invitation that nobody accepted yet: its link stops working. Preconditions: the actor manages the
	 * organisation, the invitation is the organisation's and unused.
	 * @param actor who asks
	 * @param organisationId the organisation
	 * @param invitationId the invitation
	 */
	public void withdraw(Actor actor, String organisationId, String invitationId) {
		managed(actor, organisationId);
		Invitation invitation = this.invitations.find(invitationId)
			.filter((found) -> found.organisationId().equals(organisationId))
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "invitation-not-found"));
		invitation.withdraw(this.clock.instant());
		this.invitations.save(invitation);
	}

	/**
	 * One page of pending invitations.
	 * @param page the invitations
	 * @param total how many are pending in all
	 */
	public record PendingInvitations(List<Invitation> page, long total) {
	}

	/**
	 * Adds an existing person directly; used for seeding, never exposed over HTTP.
	 * @param organisationId the organisation
	 * @param personId the person
	 * @param role their role
	 */
	public void enrol(String organisationId, String personId, MembershipRole role) {
		Organisation organisation = find(organisationId);
		organisation.join(personId, role, this.clock.instant());
		this.organisations.save(organisation);
	}

	/**
	 * Changes a member's role. Preconditions: the actor manages the organisation; it keeps a manager.
	 * @param actor who asks
	 * @param organisationId the organisation
	 * @param personId the member
	 * @param role the new role
	 * @return the organisation
	 */
	public Organisation changeRole(Actor actor, String organisationId, String personId, MembershipRole role) {
		Organisation organisation = managed(actor, organisationId);
		organisation.changeRole(personId, role, this.clock.instant());
		this.organisations.save(organisation);
		return organisation;
	}

	/**
	 * Removes a member. Preconditions: the actor manages the organisation; it keeps a manager.
	 * @param actor who asks
	 * @param organisationId the organisation
	 * @param personId the member
	 */
	public void remove(Actor actor, String organisationId, String personId) {
		Organisation organisation = managed(actor, organisationId);
		organisation.remove(personId, this.clock.instant());
		this.organisations.save(organisation);
	}

	private Organisation managed(Actor actor, String organisationId) {
		if (!actor.manages(organisationId)) {
			throw Refusal.of(Reason.FORBIDDEN, "not-manager");
		}
		Organisation organisation = find(organisationId);
		// the token may predate a removal or demotion: what counts is the membership as it stands now
		if (organisation.roleOf(actor.personId()).orElse(null) != MembershipRole.MANAGER) {
			throw Refusal.of(Reason.FORBIDDEN, "not-manager");
		}
		return organisation;
	}

	private Organisation find(String organisationId) {
		return this.organisations.find(organisationId)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "organisation-not-found"));
	}

}
