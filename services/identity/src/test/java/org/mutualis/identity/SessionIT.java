package org.mutualis.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity's session cookie: {@code Secure} behind a TLS proxy, {@code SameSite=Lax} always; and the session ends
 * with OIDC RP-initiated logout, so that the next sign-in asks for the password again.
 */
@IdentityIntegrationTest
class SessionIT {

	static final String WEB_REDIRECT = "http://localhost:8080/login/oauth2/code/mutualis";

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordHasher hasher;

	@Test
	void theSessionCookieIsSecureBehindTlsAndSameSiteLax() throws Exception {
		assertThat(sessionCookie("https")).contains("; Secure").containsIgnoringCase("SameSite=Lax");
		assertThat(sessionCookie(null)).doesNotContain("Secure").containsIgnoringCase("SameSite=Lax");
	}

	@Test
	void afterRpInitiatedLogoutSignInAsksForThePasswordAgain() throws Exception {
		Person person = new TestAccounts(this.people, this.organisations, this.hasher).person("deconnexion");
		OAuthClient browser = new OAuthClient(base());
		OAuthClient.Authorization first = browser.authorize("mutualis-web", WEB_REDIRECT, "openid profile", person.email(),
				TestAccounts.PASSWORD, null);
		String idToken = browser.token(first, WEB_REDIRECT, TestAccounts.WEB_CLIENT)
			.get("id_token")
			.asString();
		assertThat(authorizeAgain(browser)).as("signed in: silent").contains("code=");

		HttpResponse<String> logout = browser.get(base() + "/connect/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=" + URLEncoder.encode("http://localhost:8080/", StandardCharsets.UTF_8));
		assertThat(OAuthClient.location(logout)).isEqualTo("http://localhost:8080/");

		assertThat(authorizeAgain(browser)).as("signed out: the password again").contains("/auth/login");
	}

	private String authorizeAgain(OAuthClient browser) throws Exception {
		return OAuthClient.location(browser.get(base() + "/oauth2/authorize?response_type=code&client_id=mutualis-web"
				+ "&scope=openid&redirect_uri=" + URLEncoder.encode(WEB_REDIRECT, StandardCharsets.UTF_8)
				+ "&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"));
	}

	private String sessionCookie(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/auth/login")).header("Accept", "text/html");
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		List<String> cookies = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString())
			.headers()
			.allValues("Set-Cookie");
		return cookies.stream().filter((cookie) -> cookie.startsWith("MUTUALIS_IDENTITY_SESSION=")).findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
