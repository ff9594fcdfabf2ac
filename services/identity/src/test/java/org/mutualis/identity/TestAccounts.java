package org.mutualis.identity;

import java.time.Instant;
import java.util.UUID;

import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;

import org.springframework.stereotype.Component;

/** Creates people who can sign in and organisations around them, straight through the stores, for tests. */
public final class TestAccounts {

	/** The web client's credentials in tests ({@code config/application.yml} of the tests). */
	public static final String WEB_CLIENT = "mutualis-web:web-secret-of-the-tests-only-2026";

	/** The services client's credentials in tests. */
	public static final String SERVICES_CLIENT = "mutualis-services:services-secret-of-the-tests-only-2026";

	/** The password of every account made here. */
	public static final String PASSWORD = "Une-phrase-de-passe-2026";

	private final People people;

	private final Organisations organisations;

	private final PasswordHasher hasher;

	public TestAccounts(People people, Organisations organisations, PasswordHasher hasher) {
		this.people = people;
		this.organisations = organisations;
		this.hasher = hasher;
	}

	/**
	 * Creates a person with {@link #PASSWORD}, whose address is proven.
	 * @param prefix start of the e-mail address
	 * @return the person
	 */
	public Person person(String prefix) {
		String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@accounts.test";
		Person person = Person.register(UUID.randomUUID().toString(), email, prefix, Language.fr,
				this.hasher.hash(PASSWORD), Instant.now());
		person.confirmEmail();
		this.people.save(person);
		return this.people.find(person.id()).orElseThrow();
	}

	/**
	 * Creates an approved organisation managed by a person.
	 * @param manager its first manager
	 * @return the organisation
	 */
	public Organisation approvedOrganisation(Person manager) {
		Instant now = Instant.now();
		Organisation organisation = Organisation.register(UUID.randomUUID().toString(), new OrganisationProfile(
				"Organisme de test", LegalForm.NON_PROFIT, "Culture", "Montérégie-Ouest", "Roussillon", "Candiac",
				"info@accounts.test", null, Language.fr), manager.id(), now);
		organisation.approve(now);
		this.organisations.save(organisation);
		return this.organisations.find(organisation.id()).orElseThrow();
	}

	/**
	 * Adds a person to an organisation.
	 * @param organisationId the organisation
	 * @param person the person
	 * @param role their role
	 */
	public void join(String organisationId, Person person, MembershipRole role) {
		Organisation organisation = this.organisations.find(organisationId).orElseThrow();
		organisation.join(person.id(), role, Instant.now());
		this.organisations.save(organisation);
	}

}
