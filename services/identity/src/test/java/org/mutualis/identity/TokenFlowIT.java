package org.mutualis.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line sign-in (authorization code + PKCE as {@code mutualis-cli}) against the running service, the
 * claims of the tokens it issues, discovery, client credentials and key rotation.
 */
@IdentityIntegrationTest
class TokenFlowIT {

	static final String PASSWORD = "Mutualis-Demo-2026";

	static final String LA_RUCHE = "5e1f0001-0000-4000-8000-000000000001";

	static final String JARDINS = "5e1f0003-0000-4000-8000-000000000003";

	@LocalServerPort
	int port;

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void issuesATokenForTheOnlyOrganisationOfAMember() throws Exception {
		String token = OAuthClient.accessToken(base(), "membre@laruche.demo", PASSWORD, null);
		JsonNode claims = OAuthClient.claims(token);
		assertThat(claims.get("org").asString()).isEqualTo(LA_RUCHE);
		assertThat(claims.get("roles").toString()).isEqualTo("[\"MEMBER\"]");
		assertThat(claims.get("aud").toString()).contains("mutualis-api");
		assertThat(claims.get("iss").asString()).isEqualTo(base());
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
		assertThat(OAuthClient.header(token).get("alg").asString()).isEqualTo("RS256");
		Jwt verified = NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").build().decode(token);
		assertThat(verified.getSubject()).isEqualTo(claims.get("sub").asString());
	}

	@Test
	void aPersonInTwoOrganisationsChoosesWhichOneTheTokenSpeaksFor() throws Exception {
		JsonNode byDefault = OAuthClient.claims(OAuthClient.accessToken(base(), "gestion@laruche.demo", PASSWORD, null));
		assertThat(byDefault.get("org").asString()).isEqualTo(LA_RUCHE);
		assertThat(byDefault.get("roles").toString()).isEqualTo("[\"MANAGER\"]");
		JsonNode chosen = OAuthClient.claims(OAuthClient.accessToken(base(), "gestion@laruche.demo", PASSWORD, JARDINS));
		assertThat(chosen.get("org").asString()).isEqualTo(JARDINS);
		assertThat(chosen.get("roles").toString()).isEqualTo("[\"MEMBER\"]");
	}

	@Test
	void refusesAnOrganisationThePersonDoesNotBelongTo() throws Exception {
		OAuthClient client = new OAuthClient(base());
		OAuthClient.Authorization authorization = client.authorize("membre@laruche.demo", PASSWORD, JARDINS);
		assertThat(authorization.code()).isNull();
		assertThat(authorization.location()).contains("error=access_denied");
	}

	@Test
	void wrongPasswordGoesBackToTheSignInPage() throws Exception {
		OAuthClient.Authorization authorization = new OAuthClient(base()).authorize("membre@laruche.demo",
				"Pas-le-bon-mot-de-passe", null);
		assertThat(authorization.code()).isNull();
		assertThat(authorization.location()).contains("/auth/login?error");
	}

	@Test
	void theAccessTokenOpensTheApi() throws Exception {
		String token = OAuthClient.accessToken(base(), "gestion@laruche.demo", PASSWORD, null);
		HttpResponse<String> me = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/identity/me"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("gestion@laruche.demo", LA_RUCHE, JARDINS, "Les Jardins solidaires");
	}

	@Test
	void servicesGetATokenWithClientCredentials() throws Exception {
		HttpResponse<String> response = new OAuthClient(base()).post(base() + "/oauth2/token",
				Map.of("grant_type", "client_credentials"), TestAccounts.SERVICES_CLIENT);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode claims = OAuthClient.claims(JsonMapper.builder().build().readTree(response.body()).get("access_token").asString());
		assertThat(claims.get("sub").asString()).isEqualTo("mutualis-services");
		assertThat(claims.get("aud").toString()).contains("mutualis-api");
		assertThat(claims.has("org")).isFalse();
	}

	@Test
	void publishesDiscoveryAndTheJwkSet() throws Exception {
		OAuthClient client = new OAuthClient(base());
		HttpResponse<String> discovery = client.get(base() + "/.well-known/openid-configuration");
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(discovery.body()).contains("\"issuer\":\"" + base() + "\"", "/oauth2/jwks", "S256");
		HttpResponse<String> jwks = client.get(base() + "/oauth2/jwks");
		assertThat(jwks.body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
	}

	@Test
	void rotationSignsWithANewKeyAndKeepsTheOldOneVerifiable() throws Exception {
		String before = OAuthClient.accessToken(base(), "membre@lephare.demo", PASSWORD, null);
		String adminToken = OAuthClient.accessToken(base(), "admin@mutualis.demo", PASSWORD, null);
		assertThat(OAuthClient.claims(adminToken).get("roles").toString()).contains("ADMIN");
		HttpResponse<String> rotated = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/identity/admin/signing-keys/rotate"))
				.header("Authorization", "Bearer " + adminToken)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(rotated.statusCode()).isEqualTo(200);
		String newKid = JsonMapper.builder().build().readTree(rotated.body()).get("kid").asString();
		String after = OAuthClient.accessToken(base(), "membre@lephare.demo", PASSWORD, null);
		String oldKid = OAuthClient.header(before).get("kid").asString();
		assertThat(OAuthClient.header(after).get("kid").asString()).isEqualTo(newKid).isNotEqualTo(oldKid);
		JsonNode jwks = JsonMapper.builder().build().readTree(new OAuthClient(base()).get(base() + "/oauth2/jwks").body());
		List<String> kids = new ArrayList<>();
		jwks.get("keys").forEach((key) -> kids.add(key.get("kid").asString()));
		assertThat(kids).contains(oldKid, newKid);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").build();
		assertThat(decoder.decode(before).getSubject()).isNotBlank();
		assertThat(decoder.decode(after).getSubject()).isNotBlank();
	}

	@Test
	void theCommandLineScriptPrintsAnAccessToken() throws Exception {
		java.nio.file.Path script = java.nio.file.Path.of("../../infra/local/token").toAbsolutePath().normalize();
		org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(script), "no " + script);
		Process process = new ProcessBuilder(script.toString(), "gestion@laruche.demo", PASSWORD, JARDINS, base())
			.redirectErrorStream(false)
			.start();
		String out = new String(process.getInputStream().readAllBytes()).trim();
		String err = new String(process.getErrorStream().readAllBytes());
		assertThat(process.waitFor()).as(err).isZero();
		JsonNode claims = OAuthClient.claims(out);
		assertThat(claims.get("org").asString()).isEqualTo(JARDINS);
		assertThat(claims.get("roles").toString()).isEqualTo("[\"MEMBER\"]");
		Process refused = new ProcessBuilder(script.toString(), "membre@laruche.demo", "Mauvais-mot-de-passe-1", "", base())
			.start();
		assertThat(refused.waitFor()).isNotZero();
		assertThat(new String(refused.getErrorStream().readAllBytes())).contains("wrong e-mail address or password");
	}

}
