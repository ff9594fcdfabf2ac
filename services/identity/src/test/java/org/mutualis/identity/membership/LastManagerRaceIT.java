package org.mutualis.identity.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.IdentityIntegrationTest;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.membership.application.MembershipManagement;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.Member;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Two managers who remove each other at the same moment cannot leave their organisation without a manager. */
@IdentityIntegrationTest
class LastManagerRaceIT {

	@Autowired
	MembershipManagement memberships;

	@Autowired
	Organisations organisations;

	@Test
	void managersRemovingEachOtherTogetherLeaveOneManager() throws Exception {
		for (int round = 0; round < 5; round++) {
			String id = UUID.randomUUID().toString();
			Organisation organisation = Organisation.register(id, new OrganisationProfile("Course " + round,
					LegalForm.OTHER, "Test", "Montérégie-Ouest", "Roussillon", "Candiac", "course@test.ca", null,
					Language.fr), "manager-1", Instant.now());
			organisation.join("manager-2", MembershipRole.MANAGER, Instant.now());
			this.organisations.save(organisation);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			List<Outcome> outcomes = new ArrayList<>();
			try {
				Future<Outcome> first = threads.submit(() -> remove(start, id, "manager-1", "manager-2"));
				Future<Outcome> second = threads.submit(() -> remove(start, id, "manager-2", "manager-1"));
				start.countDown();
				outcomes.add(first.get());
				outcomes.add(second.get());
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(outcomes).filteredOn(Outcome::removed).as("exactly one removal goes through").hasSize(1);
			// the loser either wrote on a version that had moved on, or loaded after it was removed itself
			assertThat(outcomes).filteredOn((outcome) -> !outcome.removed())
				.singleElement()
				.satisfies((outcome) -> assertThat(outcome.refusal()).isIn("stale-version", "not-manager"));
			String winner = outcomes.get(0).removed() ? "manager-1" : "manager-2";
			List<Member> members = this.organisations.find(id).orElseThrow().members();
			assertThat(members).singleElement().satisfies((member) -> {
				assertThat(member.personId()).isEqualTo(winner);
				assertThat(member.role()).isEqualTo(MembershipRole.MANAGER);
			});
		}
	}

	private Outcome remove(CountDownLatch start, String organisationId, String actorId, String removed)
			throws InterruptedException {
		start.await();
		try {
			this.memberships.remove(new Actor(actorId, organisationId, Set.of(Actor.MANAGER)), organisationId, removed);
			return new Outcome(true, null);
		}
		catch (Refusal refusal) {
			return new Outcome(false, refusal.type());
		}
	}

	/** What one of the two managers got: the removal, or a refusal of this type. */
	private record Outcome(boolean removed, String refusal) {
	}

}
