package org.mutualis.web;

import org.junit.jupiter.api.Test;
import org.mutualis.web.home.web.HomePageTestSupport;

class HomePageTest extends HomePageTestSupport {

	@Test
	void speaksFrenchByDefault() throws Exception {
		assertThat(page(null, null)).contains("lang=\"fr\"").contains("Mettre en commun ce que nous avons")
			.contains("href=\"/signin/mutualis\"");
	}

	@Test
	void speaksEnglishToAnEnglishBrowser() throws Exception {
		assertThat(page("en-CA,en;q=0.8", null)).contains("lang=\"en\"").contains("Pooling what we have");
	}

	@Test
	void switchesLanguageOnRequest() throws Exception {
		assertThat(page(null, "en")).contains("Pooling what we have");
	}

	@Test
	void showsWhoIsActingForWhichOrganisationOnceSignedIn() throws Exception {
		assertThat(signedInPage()).contains("Bonjour Gestion La Ruche")
			.contains("5e1f0001-0000-4000-8000-000000000001")
			.contains("MANAGER")
			.contains("Se déconnecter");
	}

	@Test
	void sendsAnAnonymousVisitorOfAPrivatePageToSignIn() throws Exception {
		assertThat(redirectOfPrivatePage()).endsWith("/signin/mutualis");
	}

}
