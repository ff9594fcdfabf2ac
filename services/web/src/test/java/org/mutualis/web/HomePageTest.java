package org.mutualis.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class HomePageTest extends PageTestSupport {

	@Test
	void speaksFrenchByDefault() throws Exception {
		assertThat(body(get("/"))).contains("lang=\"fr\"").contains("Mettre en commun ce que nous avons")
			.contains("href=\"/signin/mutualis\"").contains("href=\"/?lang=en\"");
	}

	@Test
	void speaksEnglishToAnEnglishBrowser() throws Exception {
		assertThat(body(get("/").header("Accept-Language", "en-CA,en;q=0.8"))).contains("lang=\"en\"")
			.contains("Pooling what we have");
	}

	@Test
	void aLanguageThatCannotBeReadOrIsNotOfferedIsIgnoredNeverAnError() throws Exception {
		for (String header : List.of("en;q=abc", "fr-CA;q=0.5;;", "en;", "fr;q=2", ";;;")) {
			MockHttpServletResponse page = this.mvc.perform(get("/").header("Accept-Language", header))
				.andReturn()
				.getResponse();
			assertThat(page.getStatus()).as(header).isEqualTo(200);
			assertThat(page.getContentAsString()).as(header).contains("lang=\"fr\"");
		}
		for (String asked : List.of("fr\"", "<script>", "fr;q=abc", "xx")) {
			MockHttpServletResponse page = this.mvc.perform(get("/").param("lang", asked)).andReturn().getResponse();
			assertThat(page.getStatus()).as(asked).isEqualTo(200);
			assertThat(page.getContentAsString()).as(asked).contains("lang=\"fr\"");
			assertThat(page.getCookie("mutualis-lang")).as(asked).isNull();
		}
		for (String cookie : List.of("%3Cscript%3E", "xx", "de")) {
			MockHttpServletResponse page = this.mvc
				.perform(get("/").cookie(new Cookie("mutualis-lang", cookie)).header("Accept-Language", "en"))
				.andReturn()
				.getResponse();
			assertThat(page.getStatus()).as(cookie).isEqualTo(200);
			assertThat(page.getContentAsString()).as(cookie).contains("lang=\"en\"");
		}
	}

	@Test
	void switchesLanguageOnRequestAndRemembersItInACookie() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/recherche?q=salle&lang=en"))
			.andReturn()
			.getResponse();
		assertThat(response.getContentAsString()).contains("Find a resource")
			.contains("href=\"/recherche?q=salle&amp;lang=fr\"");
		Cookie language = response.getCookie("mutualis-lang");
		assertThat(language).isNotNull();
		assertThat(body(get("/").cookie(language))).contains("Pooling what we have");
	}

	@Test
	void showsTheOrganisationsNameAndTheTranslatedRoleOnceSignedIn() throws Exception {
		String page = body(get("/").with(signedIn("MANAGER")));
		assertThat(page).contains("Gestion La Ruche")
			.contains("pour Coopérative La Ruche, gestionnaire")
			.contains("Se déconnecter")
			.contains("href=\"/mes-annonces\"")
			.doesNotContain(LA_RUCHE)
			.doesNotContain("MANAGER");
		assertThat(body(get("/").param("lang", "en").with(signedIn("MEMBER")))).contains("for Coopérative La Ruche, member")
			.doesNotContain("href=\"/mes-annonces\"");
	}

	@Test
	void aPersonInSeveralOrganisationsCanActForAnother() throws Exception {
		org.mockito.BDDMockito.given(this.accounts.mine()).willReturn(new org.mutualis.web.web.Accounts.Account(
				"Gestion La Ruche", false,
				java.util.List.of(new org.mutualis.web.web.Accounts.Organisation(LA_RUCHE, "Coopérative La Ruche", "APPROVED", "MANAGER"),
						new org.mutualis.web.web.Accounts.Organisation("5e1f0003-0000-4000-8000-000000000003",
								"Les Jardins solidaires", "APPROVED", "MEMBER"))));
		assertThat(body(get("/").with(signedIn("MANAGER")))).contains("Agir pour une autre organisation")
			.contains("href=\"/signin/mutualis?organisation=5e1f0003-0000-4000-8000-000000000003\"")
			.doesNotContain("href=\"/signin/mutualis?organisation=" + LA_RUCHE);
	}

	@Test
	void signingInAsksIdentityForThePersonsLanguageAndChosenOrganisation() throws Exception {
		String location = this.mvc.perform(get("/signin/mutualis").param("organisation", "5e1f0003-0000-4000-8000-000000000003")
			.cookie(new Cookie("mutualis-lang", "en"))).andReturn().getResponse().getHeader("Location");
		assertThat(location).contains("/oauth2/authorize?").contains("ui_locales=en")
			.contains("organisation=5e1f0003-0000-4000-8000-000000000003");
		assertThat(this.mvc.perform(get("/signin/mutualis").param("organisation", "<script>")).andReturn().getResponse()
			.getHeader("Location")).contains("ui_locales=fr-CA").doesNotContain("organisation=");
	}

	@Test
	void explainsThePlatformWithoutClaimingWhatItDoesNotOffer() throws Exception {
		assertThat(body(get("/"))).contains("Comment ça marche").doesNotContain("API");
		assertThat(body(get("/").param("lang", "en"))).contains("How it works").doesNotContain("API");
	}

	@Test
	void sendsAnAnonymousVisitorOfAPrivatePageToSignIn() throws Exception {
		assertThat(this.mvc.perform(get("/reservations")).andReturn().getResponse().getHeader("Location"))
			.endsWith("/signin/mutualis");
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
