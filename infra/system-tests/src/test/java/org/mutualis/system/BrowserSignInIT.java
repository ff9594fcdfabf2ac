package org.mutualis.system;

import java.net.CookieManager;
import java.net.http.HttpClient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser signs in to the web application through the gateway: web, an OAuth2 client of identity, sends the
 * browser to identity's sign-in page, gets the code back, exchanges it and shows who acts for which organisation.
 */
class BrowserSignInIT {

	@Test
	void signsInThroughIdentityAndShowsTheActingOrganisation() throws Exception {
		RunningSystem system = RunningSystem.get();
		String gateway = system.gateway();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		TokenClient signIn = new TokenClient(gateway);

		String landing = signIn.signIn(browser, gateway + "/signin/mutualis", "gestion@lephare.demo",
				IdentityJourneyIT.PASSWORD, (location) -> location.equals(gateway + "/") || location.contains("error"));
		assertThat(landing).isEqualTo(gateway + "/");

		String home = signIn.get(browser, landing).body();
		assertThat(home).contains("Bonjour").contains("5e1f0002-0000-4000-8000-000000000002").contains("MANAGER")
			.contains("Se déconnecter");
	}

}
