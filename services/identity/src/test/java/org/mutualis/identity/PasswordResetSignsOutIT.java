package org.mutualis.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client's authorizations (refresh tokens) live in identity's database, so a restart keeps people signed in;
 * a password reset ends them all, and identity refuses the person's older access tokens.
 */
@IdentityIntegrationTest
class PasswordResetSignsOutIT {

	static final String WEB_REDIRECT = "http://localhost:8080/login/oauth2/code/mutualis";

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aPasswordResetEndsEveryAuthorizationOfThePerson() throws Exception {
		Person person = new TestAccounts(this.people, this.organisations, this.hasher).person("session");
		OAuthClient browser = new OAuthClient(base());
		OAuthClient.Authorization code = browser.authorize("mutualis-web", WEB_REDIRECT, "openid profile", person.email(),
				TestAccounts.PASSWORD, null);
		JsonNode tokens = browser.token(code, WEB_REDIRECT, TestAccounts.WEB_CLIENT);
		String refreshToken = tokens.get("refresh_token").asString();
		String accessToken = tokens.get("access_token").asString();
		assertThat(this.mongo.count(Query.query(Criteria.where("principalName").is(person.id())), "oauth2_authorizations"))
			.as("kept in the database, where a restart finds it").isEqualTo(1);
		HttpResponse<String> refreshed = refresh(browser, refreshToken);
		assertThat(refreshed.statusCode()).isEqualTo(200);
		String latestRefreshToken = OAuthClient.claimsOfResponse(refreshed.body()).get("refresh_token").asString();
		assertThat(me(accessToken)).isEqualTo(200);

		Person stored = this.people.find(person.id()).orElseThrow();
		stored.startPasswordReset(SecretTokens.hash("le-secret-du-lien"), Instant.now().plus(Duration.ofHours(1)));
		this.people.save(stored);
		HttpResponse<String> reset = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/identity/password-resets/complete"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"token\":\"le-secret-du-lien\",\"password\":\"Un-tout-nouveau-mot-de-passe\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(reset.statusCode()).isEqualTo(204);

		assertThat(this.mongo.count(Query.query(Criteria.where("principalName").is(person.id())), "oauth2_authorizations"))
			.isZero();
		assertThat(refresh(browser, latestRefreshToken).statusCode()).isEqualTo(400);
		assertThat(me(accessToken)).as("an access token issued before the reset").isEqualTo(401);
	}

	private HttpResponse<String> refresh(OAuthClient browser, String refreshToken) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		return browser.post(base() + "/oauth2/token", form, TestAccounts.WEB_CLIENT);
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
