package org.mutualis.identity.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.membership.Acceptance;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.Invitations;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.DesignatedAdministrators;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.PasswordPolicy;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.aggregate.StaleVersion;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.Reason;

import org.springframework.stereotype.Service;

/**
 * Accepts an invitation: the person joins, after getting an account if the address has none. The invitation, the
 * person and the organisation are three documents written one after another, so the invitation first records whom
 * it was accepted for and is used up only after the person joined; if a write in between fails, accepting again
 * finishes the same acceptance instead of refusing it.
 */
@Service
public class InvitationAcceptance {

	private final Invitations invitations;

	private final Organisations organisations;

	private final People people;

	private final PasswordPolicy passwordPolicy;

	private final PasswordHasher hasher;

	private final DesignatedAdministrators administrators;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param invitations invitation store
	 * @param organisations organisation store
	 * @param people person store
	 * @param passwordPolicy password rules
	 * @param hasher password hashing
	 * @param administrators the addresses granted administration once proven (the link proves the address)
	 * @param clock the clock
	 */
	public InvitationAcceptance(Invitations invitations, Organisations organisations, People people,
			PasswordPolicy passwordPolicy, PasswordHasher hasher, DesignatedAdministrators administrators, Clock clock) {
		this.invitations = invitations;
		this.organisations = organisations;
		this.people = people;
		this.passwordPolicy = passwordPolicy;
		this.hasher = hasher;
		this.administrators = administrators;
		this.clock = clock;
	}

	/**
	 * Accepts an invitation, or finishes an earlier acceptance of it that stopped half-way.
	 * Preconditions: the invitation is unused and unexpired (or was accepted for this same person and not used up);
	 * the organisation is approved and the inviter still manages it;
	 * an address with a proven account is accepted only by that account signed in; a newcomer (or the claimant of an
	 * account nobody proved the address of) gives a name and a valid password; the person is not a member yet
	 * (unless finishing).
	 * @param acceptance what was submitted
	 * @return the organisation joined
	 */
	public Organisation accept(Acceptance acceptance) {
		Instant now = this.clock.instant();
		Invitation invitation = this.invitations.findBySecretHash(SecretTokens.hash(acceptance.secret()))
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid"));
		Optional<Person> account = this.people.findByEmail(invitation.email());
		boolean unproven = account.isPresent() && !account.get().emailVerified();
		String personId = account.map(Person::id).orElseGet(() -> newPersonId(invitation));
		boolean finishing = invitation.isAcceptedFor(personId);
		invitation.accept(personId, now);
		// finishing, the account is the one this same acceptance created or was signed in as
		if (account.isPresent() && !unproven && !finishing && !personId.equals(acceptance.signedInAs())) {
			throw Refusal.of(Reason.FORBIDDEN, "invitation-sign-in-required");
		}
		Organisation organisation = this.organisations.find(invitation.organisationId())
			.orElseThrow(() -> Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid"));
		if (!finishing) {
			requireStillBacked(invitation, organisation);
		}
		Person person = account.map((existing) -> unproven ? claimed(existing, acceptance) : existing)
			.orElseGet(() -> newcomer(personId, invitation, acceptance, now));
		if (finishing) {
			organisation.completeJoin(personId, invitation.role(), now);
		}
		else {
			// the organisation refuses an existing member here, before anything is written
			organisation.join(personId, invitation.role(), now);
			recordAcceptance(invitation);
		}
		if (account.isEmpty() || unproven) {
			this.administrators.grantIfDesignated(person, now);
			this.people.save(person);
		}
		if (!organisation.pendingEvents().isEmpty()) {
			this.organisations.save(organisation);
		}
		invitation.complete(now);
		this.invitations.save(invitation);
		return organisation;
	}

	/**
	 * An invitation speaks for its organisation only while the organisation is in good standing and the manager who
	 * sent it still manages it.
	 */
	private static void requireStillBacked(Invitation invitation, Organisation organisation) {
		if (organisation.status() != OrganisationStatus.APPROVED
				|| organisation.roleOf(invitation.invitedBy()).orElse(null) != MembershipRole.MANAGER) {
			throw Refusal.of(Reason.UNPROCESSABLE, "invitation-withdrawn");
		}
	}

	private void recordAcceptance(Invitation invitation) {
		try {
			this.invitations.save(invitation);
		}
		catch (StaleVersion concurrentAcceptance) {
			throw Refusal.of(Reason.UNPROCESSABLE, "invitation-invalid");
		}
	}

	private static String newPersonId(Invitation invitation) {
		// an earlier attempt chose the newcomer's id but stopped before their account was stored
		String chosen = invitation.acceptedBy();
		return (chosen != null) ? chosen : UUID.randomUUID().toString();
	}

	private Person newcomer(String personId, Invitation invitation, Acceptance acceptance, Instant now) {
		String passwordHash = chosenPasswordHash(acceptance);
		Language language = (acceptance.preferredLanguage() != null) ? acceptance.preferredLanguage() : Language.fr;
		Person person = Person.register(personId, invitation.email(), requireName(acceptance), language, passwordHash,
				now);
		// the link reached this address: it is proven
		person.confirmEmail();
		return person;
	}

	/**
	 * Someone registered this address without ever proving it (possibly to squat it): whoever opened the invitation
	 * sent there proves it now and takes the account over with their own name and password.
	 */
	private Person claimed(Person unproven, Acceptance acceptance) {
		unproven.claimUnproven(requireName(acceptance), chosenPasswordHash(acceptance));
		return unproven;
	}

	/** The name a newcomer chose, as others will see it ({@link Person#cleanDisplayName}). */
	private static String requireName(Acceptance acceptance) {
		if (acceptance.displayName() == null) {
			throw Refusal.invalidField("display-name-required", "displayName");
		}
		return Person.cleanDisplayName(acceptance.displayName());
	}

	private String chosenPasswordHash(Acceptance acceptance) {
		requireName(acceptance);
		if (acceptance.password() == null) {
			throw Refusal.invalidField("password-too-short", "password", PasswordPolicy.MIN_LENGTH);
		}
		this.passwordPolicy.check(acceptance.password());
		return this.hasher.hash(acceptance.password());
	}

	/**
	 * Tells the address an invitation was sent to when it already has an account whose address is proven, so that
	 * the page can ask for that account's password.
	 * @param secret the secret from the link
	 * @return the address, if it belongs to a proven account
	 */
	public Optional<String> provenAccountInvited(String secret) {
		return this.invitations.findBySecretHash(SecretTokens.hash(secret))
			.flatMap((invitation) -> this.people.findByEmail(invitation.email()))
			.filter(Person::emailVerified)
			.map(Person::email);
	}

}
