package org.mutualis.identity.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.membership.Acceptance;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.InvitationState;
import org.mutualis.identity.membership.application.InMemoryStores.MemoryInvitations;
import org.mutualis.identity.membership.application.InMemoryStores.MemoryOrganisations;
import org.mutualis.identity.membership.application.InMemoryStores.MemoryPeople;
import org.mutualis.identity.membership.application.InMemoryStores.WriteFailed;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.Member;
import org.mutualis.identity.organisation.MembershipJoined;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.person.AdministratorGranted;
import org.mutualis.identity.person.DesignatedAdministrators;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.PasswordPolicy;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accepting an invitation writes the invitation, the newcomer's account and the organisation one after another:
 * whichever write fails, accepting again finishes the join exactly once and uses the invitation up.
 */
class InvitationAcceptanceTest {

	private static final Instant NOW = Instant.parse("2026-03-02T14:05:00Z");

	private static final String ORGANISATION = "org-1";

	private static final String SECRET = "secret-from-the-link";

	private static final String PASSWORD = "Un-mot-de-passe-solide-2026";

	private final MemoryOrganisations organisations = new MemoryOrganisations();

	private final MemoryPeople people = new MemoryPeople();

	private final MemoryInvitations invitations = new MemoryInvitations();

	private final PasswordHasher hasher = new PasswordHasher() {
		@Override
		public String hash(String password) {
			return "{test}" + new StringBuilder(password).reverse();
		}

		@Override
		public boolean matches(String password, String hash) {
			return hash.equals(hash(password));
		}
	};

	private final InvitationAcceptance acceptance = new InvitationAcceptance(this.invitations, this.organisations,
			this.people, PasswordPolicy.standard(), this.hasher, DesignatedAdministrators.of(List.of("Pole@Hub.demo")),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@BeforeEach
	void organisationInvitesSomeone() {
		Organisation organisation = Organisation.register(ORGANISATION, new OrganisationProfile("Coopérative La Ruche",
				LegalForm.COOPERATIVE, "Alimentation", "Montérégie-Ouest", "Vaudreuil-Soulanges", "Vaudreuil-Dorion",
				"contact@laruche.demo", null, Language.fr), "manager-1", NOW.minusSeconds(3600));
		organisation.approve(NOW.minusSeconds(3000));
		this.organisations.save(organisation);
		this.invitations.save(Invitation.send("inv-1", ORGANISATION, "nouveau@laruche.demo", MembershipRole.MEMBER,
				SecretTokens.hash(SECRET), "manager-1", NOW.minusSeconds(60)));
	}

	@Test
	void acceptanceJoinsOnceAndUsesTheInvitationUp() {
		this.acceptance.accept(newcomer());

		assertThat(membersOtherThanTheManager()).singleElement()
			.satisfies((member) -> assertThat(member.role()).isEqualTo(MembershipRole.MEMBER));
		assertThat(invitation().completedAt()).isEqualTo(NOW);
		assertThatThrownBy(() -> this.acceptance.accept(newcomer())).isInstanceOf(Refusal.class)
			.extracting("type")
			.isEqualTo("invitation-invalid");
	}

	@Test
	void failedMembershipWriteIsFinishedByAcceptingAgain() {
		this.organisations.failNextSave();
		assertThatThrownBy(() -> this.acceptance.accept(newcomer())).isInstanceOf(WriteFailed.class);
		Person person = this.people.findByEmail("nouveau@laruche.demo").orElseThrow();
		assertThat(invitation().acceptedBy()).isEqualTo(person.id());
		assertThat(invitation().completedAt()).isNull();
		assertThat(membersOtherThanTheManager()).isEmpty();

		this.acceptance.accept(newcomer());

		assertThat(membersOtherThanTheManager()).extracting(Member::personId).containsExactly(person.id());
		assertThat(joinedEvents()).isEqualTo(1);
		assertThat(invitation().completedAt()).isEqualTo(NOW);
	}

	@Test
	void failedLastWriteIsFinishedWithoutJoiningTwice() {
		// the acceptance saves the invitation twice: when accepted, then when used up
		this.invitations.failSaveAfter(1);
		assertThatThrownBy(() -> this.acceptance.accept(newcomer())).isInstanceOf(WriteFailed.class);
		assertThat(membersOtherThanTheManager()).hasSize(1);
		assertThat(invitation().completedAt()).isNull();
		long organisationVersion = this.organisations.version(ORGANISATION);

		this.acceptance.accept(newcomer());

		assertThat(membersOtherThanTheManager()).hasSize(1);
		assertThat(joinedEvents()).isEqualTo(1);
		assertThat(this.organisations.version(ORGANISATION)).as("nothing left to write").isEqualTo(organisationVersion);
		assertThat(invitation().completedAt()).isEqualTo(NOW);
	}

	@Test
	void failedAccountWriteIsFinishedWithTheIdTheInvitationRecorded() {
		this.people.failNextSave();
		assertThatThrownBy(() -> this.acceptance.accept(newcomer())).isInstanceOf(WriteFailed.class);
		String recorded = invitation().acceptedBy();
		assertThat(recorded).isNotNull();
		assertThat(this.people.findByEmail("nouveau@laruche.demo")).isEmpty();

		this.acceptance.accept(newcomer());

		assertThat(this.people.findByEmail("nouveau@laruche.demo")).get().extracting(Person::id).isEqualTo(recorded);
		assertThat(membersOtherThanTheManager()).extracting(Member::personId).containsExactly(recorded);
		assertThat(invitation().completedAt()).isEqualTo(NOW);
	}

	@Test
	void existingMemberIsRefusedBeforeTheInvitationIsTouched() {
		Person member = Person.register("p-9", "nouveau@laruche.demo", "Déjà membre", Language.fr, "{test}x", NOW);
		this.people.save(member);
		Organisation organisation = this.organisations.find(ORGANISATION).orElseThrow();
		organisation.join("p-9", MembershipRole.MEMBER, NOW);
		this.organisations.save(organisation);

		assertThatThrownBy(() -> this.acceptance.accept(newcomer())).isInstanceOf(Refusal.class)
			.extracting("type")
			.isEqualTo("already-member");
		assertThat(invitation().acceptedBy()).isNull();
		assertThat(this.invitations.version("inv-1")).isZero();
	}

	@Test
	void anInvitationRecordsNoEventsThatNobodyWouldPublish() {
		this.acceptance.accept(newcomer());

		assertThat(this.invitations.published()).as("invitations are not relayed: events there would never leave")
			.isEmpty();
	}

	@Test
	void refusedOnceTheInviterIsNoLongerAManager() {
		Organisation organisation = this.organisations.find(ORGANISATION).orElseThrow();
		organisation.join("manager-2", MembershipRole.MANAGER, NOW);
		organisation.remove("manager-1", NOW);
		this.organisations.save(organisation);

		assertThatThrownBy(() -> this.acceptance.accept(newcomer())).isInstanceOf(Refusal.class)
			.extracting("type")
			.isEqualTo("invitation-withdrawn");
		assertThat(invitation().acceptedBy()).isNull();
		assertThat(this.people.findByEmail("nouveau@laruche.demo")).isEmpty();
	}

	@Test
	void refusedWhileTheOrganisationIsSuspended() {
		Organisation organisation = this.organisations.find(ORGANISATION).orElseThrow();
		organisation.suspend("Plaintes", NOW);
		this.organisations.save(organisation);

		assertThatThrownBy(() -> this.acceptance.accept(newcomer())).isInstanceOf(Refusal.class)
			.extracting("type")
			.isEqualTo("invitation-withdrawn");
		assertThat(invitation().acceptedBy()).isNull();
	}

	@Test
	void aNewcomerAtADesignatedAddressIsGrantedAdministrationOthersAreNot() {
		this.acceptance.accept(newcomer());
		this.invitations.save(Invitation.send("inv-2", ORGANISATION, "pole@hub.demo", MembershipRole.MEMBER,
				SecretTokens.hash("second-secret"), "manager-1", NOW.minusSeconds(60)));

		this.acceptance.accept(new Acceptance("second-secret", "Pôle régional", PASSWORD, Language.fr, null));

		assertThat(this.people.findByEmail("pole@hub.demo").orElseThrow().admin()).isTrue();
		assertThat(this.people.findByEmail("nouveau@laruche.demo").orElseThrow().admin()).isFalse();
		assertThat(this.people.published()).filteredOn(AdministratorGranted.class::isInstance).hasSize(1);
	}

	@Test
	void aNewcomersNameLosesControlAndDirectionCharactersAndOneWithNothingVisibleIsRefusedWritingNothing() {
		assertThatThrownBy(() -> this.acceptance
			.accept(new Acceptance(SECRET, "\u202e\u0000\r\n", PASSWORD, Language.fr, null)))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> {
				assertThat(refusal.type()).isEqualTo("display-name-required");
				assertThat(refusal.fields()).extracting(Refusal.FieldProblem::field).containsExactly("displayName");
			});
		assertThat(this.people.findByEmail("nouveau@laruche.demo")).isEmpty();
		assertThat(invitation().acceptedBy()).isNull();

		this.acceptance.accept(new Acceptance(SECRET, "\u202eEvil\r\nBcc: x@evil.example\u0007", PASSWORD,
				Language.fr, null));

		assertThat(this.people.findByEmail("nouveau@laruche.demo").orElseThrow().displayName())
			.isEqualTo("Evil Bcc: x@evil.example");
	}

	private Acceptance newcomer() {
		return new Acceptance(SECRET, "Nouvelle personne", PASSWORD, Language.fr, null);
	}

	private InvitationState invitation() {
		return this.invitations.state("inv-1");
	}

	private List<Member> membersOtherThanTheManager() {
		return this.organisations.find(ORGANISATION)
			.orElseThrow()
			.members()
			.stream()
			.filter((member) -> !member.personId().equals("manager-1"))
			.toList();
	}

	private long joinedEvents() {
		return this.organisations.published()
			.stream()
			.filter((event) -> event instanceof MembershipJoined joined && !joined.personId().equals("manager-1"))
			.count();
	}

}
