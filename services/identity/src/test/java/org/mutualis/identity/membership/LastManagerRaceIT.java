package org.mutualis.identity.membership;

import java.time.Instant;
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
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
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
			try {
				Future<Boolean> first = threads.submit(() -> remove(start, id, "manager-1", "manager-2"));
				Future<Boolean> second = threads.submit(() -> remove(start, id, "manager-2", "manager-1"));
				start.countDown();
				int succeeded = (first.get() ? 1 : 0) + (second.get() ? 1 : 0);
				assertThat(succeeded).isLessThanOrEqualTo(1);
			}
			finally {
				threads.shutdownNow();
			}
			List<MembershipRole> roles = this.organisations.find(id).orElseThrow().members().stream()
				.map((member) -> member.role())
				.toList();
			assertThat(roles).contains(MembershipRole.MANAGER);
		}
	}

	private boolean remove(CountDownLatch start, String organisationId, String actorId, String removed)
			throws InterruptedException {
		start.await();
		try {
			this.memberships.remove(new Actor(actorId, organisationId, Set.of(Actor.MANAGER)), organisationId, removed);
			return true;
		}
		catch (RuntimeException refusedOrStale) {
			return false;
		}
	}

}
