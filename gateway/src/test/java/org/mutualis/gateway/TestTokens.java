package org.mutualis.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Mints access tokens, good and malicious, with a test RSA key that the fake identity publishes. */
final class TestTokens {

	static final String ISSUER = "http://gateway.test";

	static final String AUDIENCE = "mutualis-api";

	private static final RSAKey KEY = generate("test-key");

	private static final RSAKey STRANGER = generate("stranger-key");

	private TestTokens() {
	}

	static String jwks() {
		return new JWKSet(KEY.toPublicJWK()).toString();
	}

	static String valid(String subject) {
		return sign(KEY, claims(subject, UnaryOperator.identity()));
	}

	static String with(String subject, UnaryOperator<JWTClaimsSet.Builder> change) {
		return sign(KEY, claims(subject, change));
	}

	/** A token typed as an RFC 9068 access token ({@code typ: at+jwt}), as some authorization servers issue. */
	static String typedAccessToken(String subject) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID())
				.type(new com.nimbusds.jose.JOSEObjectType("at+jwt"))
				.build(), claims(subject, UnaryOperator.identity()));
			jwt.sign(new RSASSASigner(KEY));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String unsigned(String subject) {
		return new PlainJWT(claims(subject, UnaryOperator.identity())).serialize();
	}

	/** The classic key-confusion attack: HS256 with the RSA public key as the HMAC secret. */
	static String hmacWithPublicKey(String subject) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
					claims(subject, UnaryOperator.identity()));
			jwt.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String signedByUnknownKey(String subject) {
		return sign(STRANGER, claims(subject, UnaryOperator.identity()));
	}

	/** A genuine signature over other claims, glued to a payload that raises the caller's privileges. */
	static String tampered(String subject) {
		String[] genuine = valid(subject).split("\\.");
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
				claims("someone-else", (claims) -> claims.claim("roles", List.of("ADMIN"))).toString().getBytes());
		return genuine[0] + "." + forged + "." + genuine[2];
	}

	private static JWTClaimsSet claims(String subject, UnaryOperator<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("org", "org-1");
		return change.apply(claims).build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
