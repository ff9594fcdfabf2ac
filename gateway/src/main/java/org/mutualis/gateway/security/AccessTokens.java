package org.mutualis.gateway.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Builds the decoder that accepts only RS256 access tokens from our issuer, for our API, within their lifetime; each
 * token's signature is verified once ({@link VerifiedAccessTokens}).
 */
final class AccessTokens {

	private AccessTokens() {
	}

	/**
	 * Creates the decoder; the key set is fetched on the first token, so the gateway may start before identity.
	 * @param jwkSetUri where the issuer publishes its public keys
	 * @param issuer the expected {@code iss}
	 * @param audiences at least one must appear in {@code aud}
	 * @param clockSkew tolerance on {@code exp} and {@code nbf}
	 * @return the decoder
	 */
	static ReactiveJwtDecoder decoder(String jwkSetUri, String issuer, List<String> audiences, Duration clockSkew) {
		if (audiences.isEmpty()) {
			throw new IllegalArgumentException("spring.security.oauth2.resourceserver.jwt.audiences must not be empty");
		}
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		JwtTimestampValidator lifetime = new JwtTimestampValidator(clockSkew);
		lifetime.setAllowEmptyExpiryClaim(false);
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.stream().anyMatch(audiences::contains));
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(lifetime, new JwtIssuerValidator(issuer), audience));
		// each token verified in full once; its lifetime checked at every request
		return new VerifiedAccessTokens(decoder, lifetime);
	}

}
