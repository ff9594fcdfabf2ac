package org.mutualis.identity.token.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.mutualis.identity.DeploymentMode;
import org.mutualis.identity.IdentityProperties;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.security.TokenRevocationValidator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Lets identity check its own access tokens against its keys directly, with the same rules as the other services. */
@Configuration(proxyBeanMethods = false)
class TokenInfrastructure {

	/**
	 * The key-encryption key of the signing keys: from configuration; in the local/demo mode without one, a key
	 * generated once into a file (under {@code ./data}); anywhere else, none is a reason not to start.
	 */
	@Bean
	KeyEncryption keyEncryption(IdentityProperties properties, DeploymentMode mode) throws IOException {
		IdentityProperties.SigningKeyEncryption settings = properties.signingKeys();
		List<byte[]> previous = KeyEncryption.decodeAll(settings.previousEncryptionKeys());
		if (!settings.encryptionKey().isBlank()) {
			return new KeyEncryption(Base64.getDecoder().decode(settings.encryptionKey().trim()), previous);
		}
		if (!mode.local()) {
			throw new IllegalStateException("mutualis.identity.signing-keys.encryption-key (32 bytes, base64) is required "
					+ "outside the local/demo mode: it encrypts the signing keys at rest");
		}
		return new KeyEncryption(localKey(settings.keyFile()), previous);
	}

	private static byte[] localKey(Path file) throws IOException {
		if (Files.exists(file)) {
			return Base64.getDecoder().decode(Files.readString(file).trim());
		}
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// the file system has no owner-only permissions; the data folder is the developer's own
		}
		return key;
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, IdentityProperties properties, TokenRevocationValidator revocations,
			People people) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator());
		// the timestamp check lets a token without exp through, and such a token, once stolen, works forever
		validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
		validators.add(properties.issuer().isBlank() ? new RequestIssuerValidator()
				: new JwtIssuerValidator(properties.issuer()));
		validators.add(new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(properties.audience())));
		// fed by identity's own events, like every service: suspended organisations, ended or changed memberships
		validators.add(revocations);
		validators.add(new PasswordChangeValidator(people));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	/**
	 * Refuses a person's access token issued before they chose a new password through a reset link (identity reads
	 * its own people; other services learn it from {@code mutualis.person.password-changed.v1}).
	 */
	static final class PasswordChangeValidator implements OAuth2TokenValidator<Jwt> {

		private final People people;

		PasswordChangeValidator(People people) {
			this.people = people;
		}

		@Override
		public OAuth2TokenValidatorResult validate(Jwt token) {
			Instant issuedAt = (token.getIssuedAt() != null) ? token.getIssuedAt() : Instant.EPOCH;
			Instant changedAt = (token.getSubject() != null)
					? this.people.find(token.getSubject()).map(Person::passwordChangedAt).orElse(null) : null;
			// iat has whole seconds: a token of the very second of the change is refused too, as the platform does
			if (changedAt != null && !issuedAt.isAfter(changedAt.truncatedTo(ChronoUnit.SECONDS))) {
				return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
						"issued before the person's password changed", null));
			}
			return OAuth2TokenValidatorResult.success();
		}

	}

	/**
	 * With no configured issuer, the authorization server writes the URL each request came to as {@code iss}
	 * (forwarded headers applied); a token is accepted only when it names the URL it is presented to.
	 */
	static final class RequestIssuerValidator implements OAuth2TokenValidator<Jwt> {

		@Override
		public OAuth2TokenValidatorResult validate(Jwt token) {
			String expected = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
			String issuer = token.getClaimAsString(JwtClaimNames.ISS);
			if (expected.equals(issuer)) {
				return OAuth2TokenValidatorResult.success();
			}
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "the token's issuer is not this server", null));
		}

	}

}
