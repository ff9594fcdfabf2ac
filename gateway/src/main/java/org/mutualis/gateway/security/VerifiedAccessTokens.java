package org.mutualis.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies each distinct access token once (signature, issuer, audience, lifetime) and then, while the same token comes
 * back, checks only its lifetime again: a client sends one token for minutes, and verifying its RSA signature and
 * parsing it at every request was a tenth of the gateway's CPU under load. A token refused is forgotten. Bounded
 * ({@value #CAPACITY} tokens, cleared when full).
 */
final class VerifiedAccessTokens implements ReactiveJwtDecoder {

	/** How many verified tokens are remembered at most. */
	static final int CAPACITY = 2_000;

	private final ReactiveJwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> lifetime;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	/**
	 * Creates the decoder.
	 * @param verifier verifies a token in full
	 * @param lifetime checked again at every request of a token already verified
	 */
	VerifiedAccessTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> lifetime) {
		this.verifier = verifier;
		this.lifetime = lifetime;
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		Jwt known = this.verified.get(token);
		if (known == null) {
			return this.verifier.decode(token).doOnNext((jwt) -> {
				if (this.verified.size() >= CAPACITY) {
					this.verified.clear();
				}
				this.verified.put(token, jwt);
			});
		}
		OAuth2TokenValidatorResult result = this.lifetime.validate(known);
		if (result.hasErrors()) {
			this.verified.remove(token);
			OAuth2Error first = result.getErrors().iterator().next();
			return Mono.error(new JwtValidationException(
					"An error occurred while attempting to decode the Jwt: " + first.getDescription(), result.getErrors()));
		}
		return Mono.just(known);
	}

}
