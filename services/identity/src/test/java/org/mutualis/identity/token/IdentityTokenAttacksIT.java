package org.mutualis.identity.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.mutualis.identity.IdentityIntegrationTest;
import org.mutualis.identity.TestAccounts;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.token.server.SigningKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens signed with identity's own active key but otherwise wrong are refused by identity's API with 401: without
 * {@code exp}, expired, of another issuer (also when the issuer is taken from each request, as here), or for
 * another audience.
 */
@IdentityIntegrationTest
class IdentityTokenAttacksIT {

	@LocalServerPort
	int port;

	@Autowired
	SigningKeys keys;

	@Autowired
	People people;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordHasher hasher;

	@Test
	void acceptsAWellFormedToken() throws Exception {
		assertThat(me(sign(valid()))).isEqualTo(200);
	}

	@Test
	void refusesATokenWithoutExpiry() throws Exception {
		assertThat(me(sign(new JWTClaimsSet.Builder(valid().build()).expirationTime(null)))).isEqualTo(401);
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		assertThat(me(sign(valid().issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(20))))
			.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))))).isEqualTo(401);
	}

	@Test
	void refusesATokenOfAnotherIssuer() throws Exception {
		assertThat(me(sign(valid().issuer("https://attacker.example")))).isEqualTo(401);
	}

	@Test
	void refusesATokenWithoutIssuer() throws Exception {
		assertThat(me(sign(new JWTClaimsSet.Builder(valid().build()).issuer(null)))).isEqualTo(401);
	}

	@Test
	void refusesATokenForAnotherAudience() throws Exception {
		assertThat(me(sign(valid().audience(List.of("another-api"))))).isEqualTo(401);
	}

	private JWTClaimsSet.Builder valid() {
		Person person = new TestAccounts(this.people, this.organisations, this.hasher).person("jeton");
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(base())
			.subject(person.id())
			.audience(List.of("mutualis-api"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("roles", List.of());
	}

	private String sign(JWTClaimsSet.Builder claims) throws Exception {
		String kid = this.keys.activeKeyId();
		RSAKey key = (RSAKey) this.keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null).get(0);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private int me(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/identity/me"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
