package org.mutualis.platform.security;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The revocation check never turns a store outage into a bare 500 of the authentication filter. */
class TokenRevocationValidatorTest {

	@Test
	void aStoreOutageLetsTheOtherwiseValidTokenThroughToTheRequestsOwn503() {
		MongoTemplate away = mock(MongoTemplate.class);
		given(away.find(any(Query.class), any(), anyString())).willThrow(new DataAccessResourceFailureException("timeout"));
		TokenRevocationValidator validator = new TokenRevocationValidator(new TokenRevocations(away));

		assertThat(validator.validate(token()).hasErrors()).isFalse();
	}

	private static Jwt token() {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("person-1")
			.claim("org", "org-1")
			.issuedAt(Instant.now().minusSeconds(5))
			.expiresAt(Instant.now().plusSeconds(300))
			.build();
	}

}
