package org.mutualis.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.PasswordHasher;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wrong passwords slow down the address that types them, with growing delays, instead of locking the account:
 * nobody can lock anyone out (an administrator included), the owner signs in from elsewhere at once and from the
 * same address after a short wait, and an unknown address is answered exactly like a real account.
 */
@IdentityIntegrationTest
class SignInThrottleIT {

	static final String ATTACKER = "203.0.113.7";

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordHasher hasher;

	@Test
	void wrongPasswordsFromOneAddressDoNotLockTheOwnerOut() throws Exception {
		Person admin = new TestAccounts(this.people, this.organisations, this.hasher).person("administration");
		admin.grantAdministration(java.time.Instant.now());
		this.people.save(admin);
		for (int i = 0; i < 8; i++) {
			signIn(admin.email(), "Pas-le-bon-mot-de-passe", ATTACKER);
		}
		String owner = "198.51.100." + (int) (Math.random() * 200 + 1);
		assertThat(signIn(admin.email(), TestAccounts.PASSWORD, owner)).as("the owner, elsewhere, at once")
			.doesNotContain("/auth/login");
		await().atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> !signIn(admin.email(), TestAccounts.PASSWORD, ATTACKER).contains("/auth/login"));
	}

	@Test
	void anUnknownAddressIsAnsweredLikeARealAccount() throws Exception {
		Person real = new TestAccounts(this.people, this.organisations, this.hasher).person("reel");
		String unknown = "inconnu-" + UUID.randomUUID().toString().substring(0, 8) + "@accounts.test";
		int network = (int) (Math.random() * 100 + 1);
		List<String> forReal = new ArrayList<>();
		List<String> forUnknown = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			forReal.add(signIn(real.email(), "Pas-le-bon-mot-de-passe", "192.0.2." + network)
				.replaceAll("wait=\\d+", "wait=N"));
		}
		for (int i = 0; i < 7; i++) {
			forUnknown.add(signIn(unknown, "Pas-le-bon-mot-de-passe", "192.0.2." + (network + 100))
				.replaceAll("wait=\\d+", "wait=N"));
		}
		assertThat(forUnknown).isEqualTo(forReal);
		assertThat(forReal).noneMatch((location) -> location.contains("locked"));
	}

	private String signIn(String email, String password, String address) throws Exception {
		OAuthClient browser = new OAuthClient("http://localhost:" + this.port);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", email);
		form.put("password", password);
		form.put("_csrf", browser.csrfOfLoginPage(""));
		return OAuthClient.location(browser.post("/auth/login", form, null, Map.of("X-Forwarded-For", address)));
	}

}
