package org.mutualis.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway verifies a token's signature once and its lifetime at every request. */
class VerifiedAccessTokensTest {

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ofSeconds(30));

	@Test
	void aRepeatedTokenIsVerifiedOnce() {
		VerifiedAccessTokens tokens = new VerifiedAccessTokens(verifier(Instant.now().plusSeconds(300)), this.lifetime);

		Jwt first = tokens.decode("token-a").block();
		Jwt second = tokens.decode("token-a").block();
		tokens.decode("token-b").block();

		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenThatExpiredSinceItsFirstRequestIsRefusedAndForgotten() {
		VerifiedAccessTokens tokens = new VerifiedAccessTokens(verifier(Instant.now().minusSeconds(60)), this.lifetime);
		tokens.decode("token-a").block();

		assertThatThrownBy(() -> tokens.decode("token-a").block()).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
		tokens.decode("token-a").block();
		assertThat(this.verifications).as("verified in full again after the refusal").hasValue(2);
	}

	@Test
	void aTokenTheVerifierRefusesIsNeverRemembered() {
		ReactiveJwtDecoder refusing = (token) -> {
			this.verifications.incrementAndGet();
			return Mono.error(new BadJwtException("bad signature"));
		};
		VerifiedAccessTokens tokens = new VerifiedAccessTokens(refusing, this.lifetime);

		assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThat(this.verifications).hasValue(2);
	}

	/** Accepts any token (as the signature check would a well-signed one) and counts its calls. */
	private ReactiveJwtDecoder verifier(Instant expiresAt) {
		return (token) -> {
			this.verifications.incrementAndGet();
			return Mono.just(Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("person-" + token)
				.issuedAt(expiresAt.minusSeconds(300))
				.expiresAt(expiresAt)
				.build());
		};
	}

}
