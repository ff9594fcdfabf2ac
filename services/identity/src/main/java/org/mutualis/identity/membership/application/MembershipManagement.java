package org.mutualis.identity.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.PasswordPolicy;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;
import org.mutualis.platform.security.Actor;

/** What managers do with their organisation's members: invite, change roles, remove; and accepting invitations. */
public class MembershipManagement {

	private final Organisations organisations;

	private final People people;

	private final Invitations invitations;

	private final InvitationNotices notices;

	private final PasswordPolicy passwordPolicy;

	private final PasswordHasher hasher;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param organisations organisation store
	 * @param people person store
	 * @param invitations invitation store
	 * @param notices e-mails invitations
	 * @param passwordPolicy password rules
	 * @param hasher password hashing
	 * @param clock the clock
	 */
	public MembershipManagement(Organisations organisations, People people, Invitations invitations,
			InvitationNotices notices, PasswordPolicy passwordPolicy, PasswordHasher hasher, Clock clock) {
		this.organisations = organisations;
		this.people = people;
		this.invitations = invitations;
		this.notices = notices;
		this.passwordPolicy = passwordPolicy;
		this.hasher = hasher;
		this.clock = clock;
	}

	/**
	 * Invites someone by e-mail. Precondition: the actor manages the organisation.
	 * @param actor who invites
	 * @param organisationId the organisation
	 * @param email the address to invite
	 * @param role the role offered
	 * @return the invitation
	 */
	public Invitation invite(Actor actor, String organisationId, String email, MembershipRole role) {
		Organisation organisation = managed(actor, organisationId);
		String secret = SecretTokens.newSecret();
		Invitation invitation = Invitation.send(UUID.randomUUID().toString(), organisationId, email, role,
				SecretTokens.hash(secret), actor.personId(), this.clock.instant());
		this.invitations.add(invitation);
		Language language = this.people.findByEmail(invitation.email())
			.map(Person::preferredLanguage)
			.orElse(organisation.profile().preferredLanguage());
		this.notices.invited(invitation, secret, organisation.profile().name(), language);
		return invitation;
	}

	/**
	 * Accepts an invitation: the person joins, after getting an account if the address has none.
	 * Preconditions: the invitation is unused and unexpired; a newcomer gives a name and a valid password.
	 * @param acceptance what was submitted
	 * @return the organisation joined
	 */
	public Organisation accept(Acceptance acceptance) {
		Instant now = this.clock.instant();
		Invitation invitation = this.invitations.findBySecretHash(SecretTokens.hash(acceptance.secret()))
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid"));
		Invitation accepted = invitation.accept(now);
		Organisation organisation = this.organisations.find(invitation.organisationId())
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid"));
		Person person = this.people.findByEmail(invitation.email()).orElse(null);
		boolean newcomer = person == null;
		if (newcomer) {
			person = newcomer(invitation, acceptance, now);
		}
		if (organisation.roleOf(person.id()).isPresent()) {
			throw Refusal.of(Reason.CONFLICT, "already-member");
		}
		if (!this.invitations.markAccepted(accepted)) {
			throw Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid");
		}
		if (newcomer) {
			this.people.save(person);
		}
		organisation.join(person.id(), invitation.role(), now);
		this.organisations.save(organisation);
		return organisation;
	}

	private Person newcomer(Invitation invitation, Acceptance acceptance, Instant now) {
		if (acceptance.displayName() == null || acceptance.displayName().isBlank()) {
			throw Refusal.invalidField("display-name-required", "displayName");
		}
		if (acceptance.password() == null) {
			throw Refusal.invalidField("password-too-short", "password", PasswordPolicy.MIN_LENGTH);
		}
		this.passwordPolicy.check(acceptance.password());
		Language language = (acceptance.preferredLanguage() != null) ? acceptance.preferredLanguage() : Language.fr;
		return Person.register(UUID.randomUUID().toString(), invitation.email(), acceptance.displayName(), language,
				this.hasher.hash(acceptance.password()), now);
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

	/**
	 * Shows an organisation to one of its members or to an administrator.
	 * @param actor who asks
	 * @param organisationId the organisation
	 * @return the organisation
	 */
	public Organisation view(Actor actor, String organisationId) {
		if (!actor.actsFor(organisationId) && !actor.isAdmin()) {
			throw Refusal.of(Reason.FORBIDDEN, "not-member");
		}
		return find(organisationId);
	}

	private Organisation managed(Actor actor, String organisationId) {
		if (!actor.manages(organisationId)) {
			throw Refusal.of(Reason.FORBIDDEN, "not-manager");
		}
		return find(organisationId);
	}

	private Organisation find(String organisationId) {
		return this.organisations.find(organisationId)
			.orElseThrow(() -> Refusal.of(Reason.NOT_FOUND, "organisation-not-found"));
	}

}
