package org.mutualis.platform.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.it.secured.SecuredService;
import org.mutualis.platform.security.VerifiedTokens;
import org.mutualis.platform.test.TestInfrastructure;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service is secured by the platform's resource-server configuration: this test attacks it with forged,
 * stale and misdirected tokens, and with tokens that were fine until identity suspended the organisation or
 * removed the member.
 */
@SpringBootTest(classes = SecuredService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=secured", "spring.config.import=classpath:mutualis-defaults.yml",
				"mutualis.events.source=/mutualis/secured" })
@WithInfrastructure
class TokenAttacksIT {

	private static final TestJwks issuer = newIssuer();

	private static final String ORG = "5e1f0001-0000-4000-8000-000000000001";

	@LocalServerPort
	int port;

	@Autowired
	JwtDecoder decoder;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void issuerProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestJwks.ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwksUri);
	}

	@AfterAll
	static void stopIssuer() throws Exception {
		issuer.close();
	}

	@Test
	void acceptsAWellFormedToken() throws Exception {
		HttpResponse<String> response = call(issuer.sign(valid("person-1").build()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("person-1").contains(ORG).contains("MEMBER");
	}

	@Test
	void theServiceDecodesEveryTokenThroughVerifiedTokens() {
		// the refusals below, the suspension's and the removals' included, go through this decoder
		assertThat(this.decoder).isInstanceOf(VerifiedTokens.class);
	}

	@Test
	void refusesACallWithoutTokenWithProblemDetails() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/test/me")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("urn:mutualis:problem:unauthenticated").contains("\"fr\"").contains("\"en\"");
	}

	@Test
	void refusesAnUnsignedToken() throws Exception {
		assertUnauthorized(new PlainJWT(valid("person-1").build()).serialize());
	}

	@Test
	void refusesAnHmacTokenKeyedWithThePublicKey() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				valid("person-1").build());
		byte[] publicKey = issuer.key().toRSAPublicKey().getEncoded();
		jwt.sign(new MACSigner(pad(publicKey)));
		assertUnauthorized(jwt.serialize());
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		Instant longAgo = Instant.now().minus(Duration.ofHours(2));
		assertUnauthorized(issuer.sign(issuer.claims("person-1", ORG, "MEMBER", longAgo).build()));
	}

	@Test
	void refusesATokenWithoutExpiry() throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(valid("person-1").build()).expirationTime(null).build();
		assertUnauthorized(issuer.sign(claims));
	}

	@Test
	void refusesATokenNotYetValid() throws Exception {
		JWTClaimsSet claims = valid("person-1").notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
			.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
			.build();
		assertUnauthorized(issuer.sign(claims));
	}

	@Test
	void refusesATokenOfAnotherIssuer() throws Exception {
		assertUnauthorized(issuer.sign(valid("person-1").issuer("http://evil.test").build()));
	}

	@Test
	void refusesATokenForAnotherAudience() throws Exception {
		assertUnauthorized(issuer.sign(valid("person-1").audience("another-api").build()));
	}

	@Test
	void refusesATokenSignedWithAnUnknownKey() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		assertUnauthorized(TestJwks.sign(valid("person-1").build(), stranger));
	}

	@Test
	void refusesATamperedPayload() throws Exception {
		String[] parts = issuer.sign(valid("person-1").build()).split("\\.");
		String forged = issuer.sign(valid("person-1").claim("roles", java.util.List.of("ADMIN")).build()).split("\\.")[1];
		assertUnauthorized(parts[0] + "." + forged + "." + parts[2]);
	}

	@Test
	void refusesTokensOfASuspendedOrganisationUntilItIsReactivated() throws Exception {
		String organisation = UUID.randomUUID().toString();
		String token = issuer.sign(issuer.claims("person-2", organisation, "MANAGER", Instant.now()).build());
		assertThat(call(token).statusCode()).isEqualTo(200);

		publishIdentityEvent("mutualis.organisation.suspended.v1", organisation,
				"{\"organisationId\":\"" + organisation + "\",\"reason\":\"test\",\"suspendedAt\":\"" + Instant.now() + "\"}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(token).statusCode()).isEqualTo(401));

		publishIdentityEvent("mutualis.organisation.reactivated.v1", organisation,
				"{\"organisationId\":\"" + organisation + "\",\"reactivatedAt\":\"" + Instant.now() + "\"}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(token).statusCode()).isEqualTo(200));
	}

	@Test
	void refusesTokensIssuedBeforeTheMemberWasRemoved() throws Exception {
		String organisation = UUID.randomUUID().toString();
		Instant issued = Instant.now().minusSeconds(30);
		String before = issuer.sign(issuer.claims("person-3", organisation, "MEMBER", issued).build());
		String colleague = issuer.sign(issuer.claims("person-4", organisation, "MEMBER", issued).build());
		publishIdentityEvent("mutualis.membership.left.v1", organisation, "{\"organisationId\":\"" + organisation
				+ "\",\"personId\":\"person-3\",\"leftAt\":\"" + issued.plusSeconds(10) + "\"}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(before).statusCode()).isEqualTo(401));
		assertThat(call(colleague).statusCode()).isEqualTo(200);
		String after = issuer.sign(issuer.claims("person-3", organisation, "MEMBER", Instant.now()).build());
		assertThat(call(after).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesEveryTokenOfAPersonIssuedBeforeTheirPasswordChanged() throws Exception {
		String organisation = UUID.randomUUID().toString();
		Instant issued = Instant.now().minusSeconds(30);
		String before = issuer.sign(issuer.claims("person-5", organisation, "MEMBER", issued).build());
		String colleague = issuer.sign(issuer.claims("person-6", organisation, "MEMBER", issued).build());
		publishIdentityEvent("mutualis.person.password-changed.v1", "person-5",
				"{\"personId\":\"person-5\",\"changedAt\":\"" + issued.plusSeconds(10) + "\"}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(before).statusCode()).isEqualTo(401));
		assertThat(call(colleague).statusCode()).isEqualTo(200);
		String after = issuer.sign(issuer.claims("person-5", organisation, "MEMBER", Instant.now()).build());
		assertThat(call(after).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAnotherOrganisationsDataWithProblemDetails() throws Exception {
		String token = issuer.sign(valid("person-1").build());
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/test/organisations/other"))
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("urn:mutualis:problem:forbidden").contains("You are not allowed");
	}

	private JWTClaimsSet.Builder valid(String subject) {
		return issuer.claims(subject, ORG, "MEMBER", Instant.now());
	}

	private void assertUnauthorized(String token) throws Exception {
		HttpResponse<String> response = call(token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("urn:mutualis:problem:unauthenticated");
	}

	private HttpResponse<String> call(String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/test/me")).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static void publishIdentityEvent(String type, String subject, String data) throws Exception {
		String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/mutualis/identity\","
				+ "\"type\":\"" + type + "\",\"subject\":\"" + subject + "\",\"time\":\"" + Instant.now()
				+ "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
		java.util.Map<String, Object> config = java.util.Map.of("bootstrap.servers",
				TestInfrastructure.get().kafkaBootstrapServers());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.IDENTITY, subject, envelope)).get();
		}
	}

	private static byte[] pad(byte[] secret) {
		return (secret.length >= 32) ? secret : java.util.Arrays.copyOf(secret, 32);
	}

	private static TestJwks newIssuer() {
		try {
			return new TestJwks();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

}
