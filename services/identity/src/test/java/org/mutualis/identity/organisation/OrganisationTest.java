package org.mutualis.identity.organisation;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationTest {

	private static final Instant NOW = Instant.parse("2026-03-02T14:05:00Z");

	private static final OrganisationProfile PROFILE = new OrganisationProfile("Coopérative La Ruche",
			LegalForm.COOPERATIVE, "Alimentation", "Montérégie-Ouest", "Vaudreuil-Soulanges", "Vaudreuil-Dorion",
			"contact@laruche.demo", null, Language.fr);

	private Organisation registered() {
		return Organisation.restore(Organisation.register("org-1", PROFILE, "manager-1", NOW).state(), 0);
	}

	@Test
	void registrationAwaitsApprovalWithItsFirstManager() {
		Organisation organisation = Organisation.register("org-1", PROFILE, "manager-1", NOW);
		assertThat(organisation.status()).isEqualTo(OrganisationStatus.REGISTERED);
		assertThat(organisation.roleOf("manager-1")).contains(MembershipRole.MANAGER);
		assertThat(organisation.pendingEvents()).containsExactly(
				new OrganisationRegistered("org-1", "Coopérative La Ruche", LegalForm.COOPERATIVE, "Alimentation",
						"Vaudreuil-Soulanges", "Vaudreuil-Dorion", Language.fr, NOW),
				new MembershipJoined("org-1", "manager-1", MembershipRole.MANAGER, NOW));
	}

	@Test
	void approvedOrganisationCanBeSuspendedAndReactivated() {
		Organisation organisation = registered();
		organisation.approve(NOW);
		organisation.suspend("Plaintes répétées", NOW.plusSeconds(60));
		assertThat(organisation.status()).isEqualTo(OrganisationStatus.SUSPENDED);
		assertThat(organisation.statusReason()).isEqualTo("Plaintes répétées");
		organisation.reactivate(NOW.plusSeconds(120));
		assertThat(organisation.status()).isEqualTo(OrganisationStatus.APPROVED);
		assertThat(organisation.statusReason()).isNull();
		assertThat(organisation.pendingEvents()).containsExactly(
				new OrganisationApproved("org-1", "Coopérative La Ruche", "Vaudreuil-Soulanges", "Vaudreuil-Dorion", NOW),
				new OrganisationSuspended("org-1", "Plaintes répétées", NOW.plusSeconds(60)),
				new OrganisationReactivated("org-1", NOW.plusSeconds(120)));
	}

	@Test
	void rejectionNeedsAReasonAndEndsTheRegistration() {
		Organisation organisation = registered();
		assertThatThrownBy(() -> organisation.reject("  ", NOW)).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("reason-required");
		organisation.reject("Hors région", NOW);
		assertThat(organisation.pendingEvents()).containsExactly(new OrganisationRejected("org-1", "Hors région", NOW));
		assertThatThrownBy(() -> organisation.approve(NOW)).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).reason())
			.isEqualTo(Refusal.Reason.CONFLICT);
	}

	@Test
	void onlyARegisteredOrganisationCanBeApprovedAndOnlyAnApprovedOneSuspended() {
		Organisation organisation = registered();
		assertThatThrownBy(() -> organisation.suspend("x", NOW)).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> organisation.reactivate(NOW)).isInstanceOf(Refusal.class);
		organisation.approve(NOW);
		assertThatThrownBy(() -> organisation.approve(NOW)).isInstanceOf(Refusal.class);
	}

	@Test
	void refusesToRemoveOrDemoteTheLastManager() {
		Organisation organisation = registered();
		organisation.join("member-1", MembershipRole.MEMBER, NOW);
		assertThatThrownBy(() -> organisation.remove("manager-1", NOW)).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("last-manager");
		assertThatThrownBy(() -> organisation.changeRole("manager-1", MembershipRole.MEMBER, NOW))
			.isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("last-manager");
		assertThat(organisation.roleOf("manager-1")).contains(MembershipRole.MANAGER);
	}

	@Test
	void aManagerCanStepDownOnceAnotherManagerExists() {
		Organisation organisation = registered();
		organisation.join("member-1", MembershipRole.MEMBER, NOW);
		organisation.changeRole("member-1", MembershipRole.MANAGER, NOW);
		organisation.remove("manager-1", NOW);
		assertThat(organisation.roleOf("manager-1")).isEmpty();
		assertThat(organisation.pendingEvents()).containsExactly(
				new MembershipJoined("org-1", "member-1", MembershipRole.MEMBER, NOW),
				new MembershipRoleChanged("org-1", "member-1", MembershipRole.MANAGER, MembershipRole.MEMBER, NOW),
				new MembershipLeft("org-1", "manager-1", NOW));
	}

	@Test
	void aPersonJoinsOnlyOnce() {
		Organisation organisation = registered();
		assertThatThrownBy(() -> organisation.join("manager-1", MembershipRole.MEMBER, NOW)).isInstanceOf(Refusal.class)
			.extracting((ex) -> ((Refusal) ex).type())
			.isEqualTo("already-member");
	}

	@Test
	void restoredOrganisationKeepsItsStateAndHasNoEvents() {
		Organisation organisation = registered();
		organisation.approve(NOW);
		Organisation restored = Organisation.restore(organisation.state(), 3);
		assertThat(restored.state()).isEqualTo(organisation.state());
		assertThat(restored.pendingEvents()).isEmpty();
		assertThat(restored.version()).isEqualTo(3);
	}

}
