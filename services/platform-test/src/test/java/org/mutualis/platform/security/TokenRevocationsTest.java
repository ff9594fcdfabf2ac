package org.mutualis.platform.security;

import java.time.Instant;

import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.TestInfrastructure;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tokens a password or membership change revokes, given that a token's issue time has whole seconds. */
class TokenRevocationsTest {

	private final TokenRevocations revocations = new TokenRevocations(new MongoTemplate(
			MongoClients.create(TestInfrastructure.get().mongoConnectionString()), "revocations-" + System.nanoTime()));

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

}
