package org.mutualis.identity.demo;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.mutualis.identity.common.Language;
import org.mutualis.identity.membership.application.MembershipManagement;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.organisation.Registration;
import org.mutualis.identity.organisation.application.OrganisationAdministration;
import org.mutualis.identity.organisation.application.OrganisationRegistration;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organisations and people through the ordinary domain paths, so that their events are published;
 * runs only with {@code mutualis.demo.enabled=true} and skips whatever already exists. Every password is
 * {@value #PASSWORD} — for local demonstrations only.
 */
@Component
@ConditionalOnBooleanProperty("mutualis.demo.enabled")
class DemoData implements ApplicationRunner {

	/** The password of every demo account; demo only. */
	static final String PASSWORD = "Mutualis-Demo-2026";

	static final String LA_RUCHE = "5e1f0001-0000-4000-8000-000000000001";

	static final String LE_PHARE = "5e1f0002-0000-4000-8000-000000000002";

	static final String JARDINS = "5e1f0003-0000-4000-8000-000000000003";

	static final String ATELIER_VELO = "5e1f0004-0000-4000-8000-000000000004";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrganisationRegistration registration;

	private final OrganisationAdministration administration;

	private final MembershipManagement memberships;

	private final Organisations organisations;

	private final People people;

	private final PasswordHasher hasher;

	private final Clock clock;

	DemoData(OrganisationRegistration registration, OrganisationAdministration administration,
			MembershipManagement memberships, Organisations organisations, People people, PasswordHasher hasher,
			Clock clock) {
		this.registration = registration;
		this.administration = administration;
		this.memberships = memberships;
		this.organisations = organisations;
		this.people = people;
		this.hasher = hasher;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Person admin = person("admin@mutualis.demo", "Administration Mutualis");
		if (!admin.admin()) {
			admin.grantAdministration(this.clock.instant());
			this.people.save(admin);
		}
		Actor administrator = new Actor(admin.id(), null, Set.of(Actor.ADMIN));
		organisation(administrator, LA_RUCHE, "Coopérative La Ruche", LegalForm.COOPERATIVE, "Alimentation",
				"Vaudreuil-Soulanges", "Vaudreuil-Dorion", "laruche", true);
		organisation(administrator, LE_PHARE, "Centre communautaire Le Phare", LegalForm.NON_PROFIT,
				"Services communautaires", "Beauharnois-Salaberry", "Salaberry-de-Valleyfield", "lephare", true);
		organisation(administrator, JARDINS, "Les Jardins solidaires", LegalForm.SOCIAL_ENTERPRISE, "Agriculture",
				"Jardins-de-Napierville", "Saint-Rémi", "jardins", true);
		organisation(administrator, ATELIER_VELO, "Atelier vélo Roussillon", LegalForm.NON_PROFIT, "Mobilité",
				"Roussillon", "Châteauguay", "ateliervelo", false);
		member(LA_RUCHE, "membre@laruche.demo", "Membre La Ruche", MembershipRole.MEMBER);
		member(LE_PHARE, "membre@lephare.demo", "Membre Le Phare", MembershipRole.MEMBER);
		member(JARDINS, "membre@jardins.demo", "Membre Jardins solidaires", MembershipRole.MEMBER);
		member(JARDINS, "gestion@laruche.demo", "Gestion La Ruche", MembershipRole.MEMBER);
		log.info("demo data in place (password of every demo account: {})", PASSWORD);
	}

	private void organisation(Actor administrator, String id, String name, LegalForm form, String sector, String mrc,
			String municipality, String domain, boolean approved) {
		Organisation organisation = this.organisations.find(id).orElse(null);
		if (organisation == null) {
			String manager = "gestion@" + domain + ".demo";
			organisation = this.registration.register(id, new Registration(name, form, sector, mrc, municipality,
					"contact@" + domain + ".demo", "450 555-0100", Language.fr, manager, "Gestion " + name, PASSWORD,
					Language.fr))
				.orElseThrow(() -> new IllegalStateException(manager + " exists without its organisation"));
			Person seeded = this.people.findByEmail(manager).orElseThrow();
			seeded.confirmEmail();
			this.people.save(seeded);
		}
		if (approved && organisation.status() == OrganisationStatus.REGISTERED) {
			this.administration.approve(administrator, id);
		}
	}

	private void member(String organisationId, String email, String displayName, MembershipRole role) {
		Person person = person(email, displayName);
		boolean member = this.organisations.find(organisationId)
			.flatMap((organisation) -> organisation.roleOf(person.id()))
			.isPresent();
		if (!member) {
			this.memberships.enrol(organisationId, person.id(), role);
		}
	}

	private Person person(String email, String displayName) {
		return this.people.findByEmail(email).orElseGet(() -> {
			Person person = Person.register(UUID.randomUUID().toString(), email, displayName, Language.fr,
					this.hasher.hash(PASSWORD), this.clock.instant());
			// demo accounts come with their address proven
			person.confirmEmail();
			this.people.save(person);
			return this.people.find(person.id()).orElseThrow();
		});
	}

}
