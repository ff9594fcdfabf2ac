package org.mutualis.identity.organisation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mutualis.identity.common.Emails;
import org.mutualis.identity.common.Texts;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.organisation.Registration;
import org.mutualis.identity.organisation.RegistrationNotices;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.PasswordPolicy;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.application.EmailVerification;
import org.mutualis.identity.region.Region;
import org.mutualis.identity.region.Regions;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.problem.Refusal.FieldProblem;

import org.springframework.stereotype.Service;

/**
 * Registers an organisation and its first manager, who gets an account with a password and can sign in once they
 * followed the e-mailed link that proves their address.
 */
@Service
public class OrganisationRegistration {

	private final Organisations organisations;

	private final People people;

	private final Regions regions;

	private final PasswordPolicy passwordPolicy;

	private final PasswordHasher hasher;

	private final RegistrationNotices notices;

	private final EmailVerification verification;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param organisations organisation store
	 * @param people person store
	 * @param regions regions served
	 * @param passwordPolicy password rules
	 * @param hasher password hashing
	 * @param notices tells an address's owner of another registration with it
	 * @param verification e-mails the manager the link that proves their address
	 * @param clock the clock
	 */
	public OrganisationRegistration(Organisations organisations, People people, Regions regions,
			PasswordPolicy passwordPolicy, PasswordHasher hasher, RegistrationNotices notices,
			EmailVerification verification, Clock clock) {
		this.organisations = organisations;
		this.people = people;
		this.regions = regions;
		this.passwordPolicy = passwordPolicy;
		this.hasher = hasher;
		this.notices = notices;
		this.verification = verification;
		this.clock = clock;
	}

	/**
	 * Registers with a new id.
	 * @param registration what was submitted
	 * @return the registered organisation, awaiting approval; empty when the manager's address already has an
	 * account (its owner is told by e-mail, the registrant is answered as for a new address)
	 */
	public Optional<Organisation> register(Registration registration) {
		return register(UUID.randomUUID().toString(), registration);
	}

	/**
	 * Registers with a given id; checks everything before writing anything. The texts others will see (the names, the
	 * sector, the municipality, the phone) are cleaned of line breaks, control and direction characters ({@link Texts});
	 * a required one that nothing visible is left of is refused, naming its field.
	 * @param organisationId the id to give the organisation
	 * @param registration what was submitted
	 * @return the registered organisation, awaiting approval; empty when the manager's address already has an
	 * account (its owner is told by e-mail, the registrant is answered as for a new address)
	 */
	public Optional<Organisation> register(String organisationId, Registration registration) {
		Region region = this.regions.ofMrc(registration.mrc())
			.orElseThrow(() -> Refusal.invalidField("unknown-mrc", "mrc"));
		String name = Texts.requireOneLine(registration.name(), "text-required", "name");
		String sector = Texts.requireOneLine(registration.sector(), "text-required", "sector");
		String municipality = Texts.requireOneLine(registration.municipality(), "text-required", "municipality");
		String phone = (registration.contactPhone() != null) ? Texts.oneLine(registration.contactPhone()) : "";
		String managerName = Texts.requireOneLine(registration.managerDisplayName(), "display-name-required",
				"manager.displayName");
		String contactEmail = Emails.requireValid(registration.contactEmail(), "contactEmail");
		Emails.requireValid(registration.managerEmail(), "manager.email");
		try {
			this.passwordPolicy.check(registration.managerPassword());
		}
		catch (Refusal refusal) {
			throw new Refusal(refusal.reason(), refusal.type(), refusal.messageKey(),
					List.of(new FieldProblem("manager.password", refusal.messageKey())), refusal.arguments());
		}
		// hashed either way, so that the answer takes as long for a taken address as for a free one
		String passwordHash = this.hasher.hash(registration.managerPassword());
		Optional<Person> owner = this.people.findByEmail(registration.managerEmail());
		if (owner.isPresent()) {
			this.notices.registeredAgain(owner.get());
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Person manager = Person.register(UUID.randomUUID().toString(), registration.managerEmail(),
				managerName, registration.managerLanguage(), passwordHash, now);
		OrganisationProfile profile = new OrganisationProfile(name, registration.legalForm(), sector, region.name(),
				registration.mrc(), municipality, contactEmail, phone.isEmpty() ? null : phone,
				registration.preferredLanguage());
		Organisation organisation = Organisation.register(organisationId, profile, manager.id(), now);
		String confirmation = this.verification.prepare(manager);
		this.people.save(manager);
		this.organisations.save(organisation);
		this.verification.send(manager, confirmation);
		return Optional.of(organisation);
	}

}
