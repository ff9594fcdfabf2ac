package org.mutualis.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Which tokens a password or membership change revokes, given that a token's issue time has whole seconds; how an
 * instance's copy of the revocations follows the store.
 */
class TokenRevocationsTest {

	private final MongoTemplate mongo = new MongoTemplate(
			MongoClients.create(TestInfrastructure.get().mongoConnectionString()), "revocations-" + System.nanoTime());

	private final TokenRevocations revocations = new TokenRevocations(this.mongo);

	@Test
	void aTokenOfAnEarlierSecondOrOfTheChangesOwnSecondIsRefusedALaterOneIsNot() {
		Instant change = Instant.parse("2026-11-30T12:00:07.650Z");
		this.revocations.passwordChanged("person-1", change);

		assertThat(this.revocations.refusal(null, "person-1", Instant.parse("2026-11-30T12:00:06Z")))
			.isEqualTo("password changed after the token was issued");
		// a token of the change's own second (iat 12:00:07) may be older than the change (12:00:07.650): refused
		assertThat(this.revocations.refusal(null, "person-1", Instant.parse("2026-11-30T12:00:07Z")))
			.isEqualTo("password changed after the token was issued");
		assertThat(this.revocations.refusal(null, "person-1", Instant.parse("2026-11-30T12:00:08Z"))).isNull();
		assertThat(this.revocations.refusal(null, "someone-else", Instant.parse("2026-11-30T12:00:06Z"))).isNull();
	}

	@Test
	void aMembershipChangeRevokesTheTokensOfThatOrganisationIssuedUpToItsSecond() {
		Instant change = Instant.parse("2026-11-30T12:00:07.100Z");
		this.revocations.membershipChanged("org-1", "person-1", change);

		assertThat(this.revocations.refusal("org-1", "person-1", Instant.parse("2026-11-30T12:00:06Z")))
			.isEqualTo("membership changed after the token was issued");
		assertThat(this.revocations.refusal("org-1", "person-1", Instant.parse("2026-11-30T12:00:07Z")))
			.isEqualTo("membership changed after the token was issued");
		assertThat(this.revocations.refusal("org-1", "person-1", Instant.parse("2026-11-30T12:00:08Z"))).isNull();
		assertThat(this.revocations.refusal("org-2", "person-1", Instant.parse("2026-11-30T12:00:06Z"))).isNull();
	}

	@Test
	void aSuspendedOrganisationsTokensAreRefusedWhateverTheirAge() {
		this.revocations.organisationSuspended("org-1", Instant.parse("2026-11-30T12:00:00Z"));

		assertThat(this.revocations.refusal("org-1", "person-1", Instant.parse("2026-11-30T13:00:00Z")))
			.isEqualTo("organisation suspended");
		this.revocations.organisationReactivated("org-1");
		assertThat(this.revocations.refusal("org-1", "person-1", Instant.parse("2026-11-30T13:00:00Z"))).isNull();
	}


	@Test
	void anotherInstancesChangeReachesThisOneWithinTheRefreshAndItsOwnAtOnce() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
		Clock clock = mock(Clock.class);
		given(clock.instant()).willAnswer((invocation) -> now.get());
		TokenRevocations one = new TokenRevocations(this.mongo, Duration.ofSeconds(1), clock);
		TokenRevocations other = new TokenRevocations(this.mongo, Duration.ofSeconds(1), clock);
		Instant issued = Instant.parse("2026-11-30T11:59:00Z");
		assertThat(other.refusal("org-1", "person-1", issued)).isNull();

		one.organisationSuspended("org-1", now.get());

		assertThat(one.refusal("org-1", "person-1", issued)).isEqualTo("organisation suspended");
		// the other instance answers from its copy, read less than a second ago
		assertThat(other.refusal("org-1", "person-1", issued)).isNull();
		now.set(now.get().plusMillis(1001));
		assertThat(other.refusal("org-1", "person-1", issued)).isEqualTo("organisation suspended");

		one.organisationReactivated("org-1");
		assertThat(one.refusal("org-1", "person-1", issued)).isNull();
		now.set(now.get().plusMillis(1001));
		assertThat(other.refusal("org-1", "person-1", issued)).isNull();
	}

	@Test
	void theStoreIsReadOncePerRefreshNotOncePerRequestAndItsOutageKeepsTheLastCopy() {
		MongoTemplate counted = spy(this.mongo);
		TokenRevocations cached = new TokenRevocations(counted, Duration.ofHours(1), Clock.systemUTC());
		this.revocations.passwordChanged("person-1", Instant.parse("2026-11-30T12:00:00Z"));

		for (int i = 0; i < 100; i++) {
			assertThat(cached.refusal("org-1", "person-" + (i % 2), Instant.parse("2026-11-30T11:00:00Z")))
				.isEqualTo((i % 2 == 1) ? "password changed after the token was issued" : null);
		}
		verify(counted, times(1)).find(any(Query.class), eq(Document.class), eq(TokenRevocations.COLLECTION));

		TokenRevocations expired = new TokenRevocations(counted, Duration.ZERO, Clock.systemUTC());
		assertThat(expired.refusal(null, "person-1", Instant.parse("2026-11-30T11:00:00Z"))).isNotNull();
		doThrow(new DataAccessResourceFailureException("timeout")).when(counted)
			.find(any(Query.class), eq(Document.class), eq(TokenRevocations.COLLECTION));
		assertThat(expired.refusal(null, "person-1", Instant.parse("2026-11-30T11:00:00Z")))
			.isEqualTo("password changed after the token was issued");
		TokenRevocations neverRead = new TokenRevocations(counted, Duration.ZERO, Clock.systemUTC());
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> neverRead.refusal(null, "person-1", Instant.parse("2026-11-30T11:00:00Z")));
	}

}
