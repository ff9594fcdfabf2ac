package org.mutualis.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that parses and verifies each distinct access token once — signature, issuer, audience,
 * lifetime, revocations, everything the service's decoder checks — and then, while the same token comes back,
 * checks again only what can change between two of its requests: its lifetime and the revocations (an organisation
 * suspended or a membership changed since it was issued). A client sends the same token for minutes; verifying its
 * RSA signature and parsing it on every request was a tenth of a service's CPU under load. A token that fails any
 * check is forgotten, so it is verified in full if it comes again.
 * <p>
 * The memory is bounded ({@value #CAPACITY} tokens, cleared when full: the next request of each verifies it again)
 * and tokens live minutes, so it never holds much.
 */
public final class VerifiedTokens implements JwtDecoder {

	/** How many verified tokens are remembered at most. */
	static final int CAPACITY = 2_000;

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> everyTime;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	/**
	 * Creates the decoder.
	 * @param verifier the service's decoder, which verifies a token in full
	 * @param everyTime what is checked again at every request of a token already verified
	 */
	public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> everyTime) {
		this.verifier = verifier;
		this.everyTime = everyTime;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.get(token);
		if (known == null) {
			Jwt jwt = this.verifier.decode(token);
			if (this.verified.size() >= CAPACITY) {
				this.verified.clear();
			}
			this.verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.everyTime.validate(known);
		if (result.hasErrors()) {
			this.verified.remove(token);
			OAuth2Error first = result.getErrors().iterator().next();
			// as the verifying decoder words it, so that the answer is the same whichever of the two refused
			throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + first.getDescription(),
					result.getErrors());
		}
		return known;
	}

}
