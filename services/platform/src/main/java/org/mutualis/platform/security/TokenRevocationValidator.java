package org.mutualis.platform.security;

import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a well-signed token whose organisation is suspended or whose membership changed since it was issued. */
public class TokenRevocationValidator implements OAuth2TokenValidator<Jwt> {

	private final TokenRevocations revocations;

	/**
	 * Creates the validator.
	 * @param revocations what this service knows of suspensions and membership changes
	 */
	public TokenRevocationValidator(TokenRevocations revocations) {
		this.revocations = revocations;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		Instant issuedAt = (token.getIssuedAt() != null) ? token.getIssuedAt() : Instant.EPOCH;
		String refusal = this.revocations.refusal(token.getClaimAsString("org"), token.getSubject(), issuedAt);
		if (refusal == null) {
			return OAuth2TokenValidatorResult.success();
		}
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, refusal, null));
	}

}
