package org.mutualis.identity.token.server;

import java.util.ArrayList;
import java.util.List;

import org.mutualis.identity.IdentityProperties;
import org.mutualis.platform.security.TokenRevocationValidator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Lets identity check its own access tokens against its keys directly, with the same rules as the other services. */
@Configuration(proxyBeanMethods = false)
class TokenInfrastructure {

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, IdentityProperties properties, TokenRevocationValidator revocations) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator());
		if (!properties.issuer().isBlank()) {
			validators.add(new JwtIssuerValidator(properties.issuer()));
		}
		validators.add(new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(properties.audience())));
		// fed by identity's own events, like every service: suspended organisations, ended or changed memberships
		validators.add(revocations);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

}
