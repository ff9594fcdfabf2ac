package org.mutualis.platform.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/** A throw-away issuer for tests: an RSA key, its JWK set served over HTTP, and a minter of access tokens. */
final class TestJwks implements AutoCloseable {

	static final String ISSUER = "http://issuer.test";

	static final String AUDIENCE = "mutualis-api";

	private final RSAKey key;

	private final HttpServer server;

	TestJwks() throws Exception {
		this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		String jwks = new JWKSet(this.key.toPublicJWK()).toString();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/jwks", (exchange) -> {
			byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	String jwksUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks";
	}

	RSAKey key() {
		return this.key;
	}

	JWTClaimsSet.Builder claims(String subject, String organisation, String role, Instant issuedAt) {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.audience(AUDIENCE)
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plusSeconds(300)))
			.claim("org", organisation)
			.claim("roles", List.of(role))
			.jwtID(UUID.randomUUID().toString());
	}

	String sign(JWTClaimsSet claims) throws Exception {
		return sign(claims, this.key);
	}

	static String sign(JWTClaimsSet claims, RSAKey with) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
			.type(JOSEObjectType.JWT)
			.build(), claims);
		jwt.sign(new RSASSASigner(with));
		return jwt.serialize();
	}

	Map<String, Object> publicJwk() {
		return this.key.toPublicJWK().toJSONObject();
	}

	@Override
	public void close() throws IOException {
		this.server.stop(0);
	}

}
