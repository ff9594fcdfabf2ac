package org.mutualis.identity.token;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;

import static org.assertj.core.api.Assertions.assertThat;

class ActingOrganisationTest {

	private static final Instant NOW = Instant.parse("2026-03-02T14:05:00Z");

	private static Organisation organisation(String id, String manager, Instant at) {
		return Organisation.register(id, new OrganisationProfile(id, LegalForm.OTHER, "s", "r", "m", "c", "a@b.ca", null,
				Language.fr), manager, at);
	}

	@Test
	void defaultsToTheFirstOrganisationJoined() {
		Organisation first = organisation("first", "p", NOW);
		Organisation second = organisation("second", "other", NOW);
		second.join("p", MembershipRole.MEMBER, NOW.plusSeconds(60));
		assertThat(ActingOrganisation.choose("p", false, List.of(second, first), null))
			.contains(new ActingOrganisation.Choice("first", List.of("MANAGER")));
	}

	@Test
	void honoursTheRequestedOrganisationWithTheRoleHeldThere() {
		Organisation first = organisation("first", "p", NOW);
		Organisation second = organisation("second", "other", NOW);
		second.join("p", MembershipRole.MEMBER, NOW.plusSeconds(60));
		assertThat(ActingOrganisation.choose("p", false, List.of(first, second), "second"))
			.contains(new ActingOrganisation.Choice("second", List.of("MEMBER")));
	}

	@Test
	void refusesAnOrganisationThePersonDoesNotBelongTo() {
		assertThat(ActingOrganisation.choose("p", false, List.of(organisation("first", "p", NOW)), "elsewhere")).isEmpty();
	}

	@Test
	void anAdministratorWithoutOrganisationGetsOnlyTheAdminRole() {
		assertThat(ActingOrganisation.choose("admin", true, List.of(), null))
			.contains(new ActingOrganisation.Choice(null, List.of("ADMIN")));
	}

}
