package org.mutualis.platform.security;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified in full once; its lifetime and the revocations are checked again at every request. */
class VerifiedTokensTest {

	private final AtomicInteger verifications = new AtomicInteger();

	private final AtomicReference<String> revoked = new AtomicReference<>();

	private final OAuth2TokenValidator<Jwt> revocations = (jwt) -> jwt.getSubject().equals(this.revoked.get())
			? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "membership-changed", null))
			: OAuth2TokenValidatorResult.success();

	@Test
	void aRepeatedTokenIsVerifiedOnce() {
		VerifiedTokens tokens = new VerifiedTokens(verifier(Instant.now().plusSeconds(300)), this.revocations);

		Jwt first = tokens.decode("token-a");
		Jwt second = tokens.decode("token-a");
		tokens.decode("token-b");

		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenRevokedAfterItsFirstRequestIsRefusedAtTheNextAndVerifiedInFullIfItComesAgain() {
		VerifiedTokens tokens = new VerifiedTokens(verifier(Instant.now().plusSeconds(300)), this.revocations);
		tokens.decode("token-a");

		this.revoked.set("person-token-a");

		assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("membership-changed");
		this.revoked.set(null);
		tokens.decode("token-a");
		assertThat(this.verifications).as("forgotten when refused: verified again").hasValue(2);
	}

	@Test
	void aTokenThatExpiredSinceItsFirstRequestIsRefused() {
		// expired a minute and a half ago: within the decoder's first check it was valid, beyond the 60 s skew now
		VerifiedTokens tokens = new VerifiedTokens(verifier(Instant.now().minusSeconds(90)), new JwtTimestampValidator());
		tokens.decode("token-a");

		assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void itRemembersABoundedNumberOfTokens() {
		VerifiedTokens tokens = new VerifiedTokens(verifier(Instant.now().plusSeconds(300)), this.revocations);
		for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
			tokens.decode("token-" + i);
		}

		tokens.decode("token-0");

		assertThat(this.verifications).as("forgotten when the memory was full: verified again")
			.hasValue(VerifiedTokens.CAPACITY + 2);
	}

	@Test
	void aTokenTheVerifierRefusesIsNeverRemembered() {
		JwtDecoder refusing = (token) -> {
			this.verifications.incrementAndGet();
			throw new BadJwtException("bad signature");
		};
		VerifiedTokens tokens = new VerifiedTokens(refusing, this.revocations);

		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(this.verifications).hasValue(2);
	}

	/** A verifier that accepts any token (as a signature check would a well-signed one) and counts its calls. */
	private JwtDecoder verifier(Instant expiresAt) {
		return (token) -> {
			this.verifications.incrementAndGet();
			return Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("person-" + token)
				.issuedAt(expiresAt.minusSeconds(300))
				.expiresAt(expiresAt)
				.build();
		};
	}

}
