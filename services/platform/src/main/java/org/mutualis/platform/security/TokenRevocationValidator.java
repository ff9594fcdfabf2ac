package org.mutualis.platform.security;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a well-signed token whose organisation is suspended or whose membership changed since it was issued. */
public class TokenRevocationValidator implements OAuth2TokenValidator<Jwt> {

	private static final Logger log = LoggerFactory.getLogger(TokenRevocationValidator.class);

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
		String refusal;
		try {
			refusal = this.revocations.refusal(token.getClaimAsString("org"), token.getSubject(), issuedAt);
		}
		catch (DataAccessException ex) {
			// the store is away: the request itself then gets 503 store-unavailable where it needs the data, rather
			// than a bare 500 from the authentication filter; every signature, expiry and audience check still applied
			log.warn("token revocations unreadable, store unavailable: {}", ex.toString());
			return OAuth2TokenValidatorResult.success();
		}
		if (refusal == null) {
			return OAuth2TokenValidatorResult.success();
		}
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, refusal, null));
	}

}
