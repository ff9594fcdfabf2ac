package org.mutualis.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The platform administrators' page ({@code /admin/administrateurs}): the administrators with a way to revoke each,
 * a chosen organisation's members with a way to grant each, in French and English; identity's refusal (the last
 * administrator) is shown beside the person.
 */
class AdministratorPagesTest extends PageTestSupport {

	@BeforeEach
	void identityAnswers() throws Exception {
		given(this.services.list(Service.IDENTITY, "/api/identity/admin/administrators"))
			.willReturn(array("administrators"));
		given(this.services.list(Service.IDENTITY, "/api/identity/organisations/" + LA_RUCHE + "/members?size=100"))
			.willReturn(array("members"));
	}

	@Test
	void listsTheAdministratorsAndTheChosenOrganisationsMembersInEitherLanguage() throws Exception {
		String french = body(get("/admin/administrateurs").param("organisation", LA_RUCHE).with(signedIn("ADMIN")));
		assertThat(french).contains("Administrateurs de la plateforme").contains("Pôle régional")
			.contains("admin@mutualis.demo")
			.contains("action=\"/admin/administrateurs/person-9/retirer\"")
			.contains("Atelier vélo Roussillon")
			.contains("action=\"/admin/administrateurs/person-1/nommer?organisation=" + LA_RUCHE + "\"")
			.contains("aria-label=\"Nommer Gestion La Ruche administrateur de la plateforme\"");
		String english = body(get("/admin/administrateurs").param("organisation", LA_RUCHE).param("lang", "en")
			.with(signedIn("ADMIN")));
		assertThat(english).contains("Platform administrators").contains("Make administrator")
			.contains("aria-label=\"Revoke the administration rights of Pôle régional\"");
		String noChoice = body(get("/admin/administrateurs").with(signedIn("ADMIN")));
		assertThat(noChoice).doesNotContain("/nommer");
		verify(this.services, never()).list(eq(Service.IDENTITY), eq("/api/identity/organisations/null/members?size=100"));
	}

	@Test
	void grantingAndRevokingGoThroughIdentityAndARefusalIsShownBesideThePerson() throws Exception {
		MvcResult granted = this.mvc.perform(post("/admin/administrateurs/person-2/nommer")
			.param("organisation", LA_RUCHE).with(signedIn("ADMIN")).with(csrf())).andReturn();
		assertThat(granted.getResponse().getRedirectedUrl()).isEqualTo("/admin/administrateurs?organisation=" + LA_RUCHE);
		assertThat(granted.getFlashMap().get("done")).isEqualTo("admins.done.granted");
		verify(this.services).exchange(Service.IDENTITY, HttpMethod.PUT, "/api/identity/admin/administrators/person-2",
				null, null);

		given(this.services.exchange(Service.IDENTITY, HttpMethod.DELETE, "/api/identity/admin/administrators/person-9",
				null, null))
			.willThrow(new ServiceRefusal(HttpStatus.CONFLICT, "last-administrator",
					"La plateforme doit toujours avoir au moins un administrateur.", Map.of()));
		MvcResult refused = this.mvc.perform(post("/admin/administrateurs/person-9/retirer").with(signedIn("ADMIN"))
			.with(csrf())).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/admin/administrateurs");
		assertThat((Map<String, Object>) refused.getFlashMap()).containsEntry("failed", "person-9")
			.containsEntry("refusal", "La plateforme doit toujours avoir au moins un administrateur.");
		String page = body(get("/admin/administrateurs").with(signedIn("ADMIN")).flashAttrs(refused.getFlashMap()));
		assertThat(page).contains("role=\"alert\">La plateforme doit toujours avoir au moins un administrateur.</p>");
	}

	@Test
	void aMalformedIdReachesNoService() throws Exception {
		assertThat(this.mvc.perform(post("/admin/administrateurs/{id}/retirer", "a.b").with(signedIn("ADMIN"))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/admin/administrateurs").param("organisation", "{$ne:1}")
			.with(signedIn("ADMIN"))).andReturn().getResponse().getStatus()).isEqualTo(404);
		verify(this.services, never()).exchange(eq(Service.IDENTITY), eq(HttpMethod.DELETE), anyString(),
				eq(null), eq(null));
	}

	@Test
	void thePagesBundleHasTheSameKeysInFrenchAndEnglish() throws IOException {
		assertThat(bundle("i18n/admins_en.properties").stringPropertyNames())
			.isEqualTo(bundle("i18n/admins.properties").stringPropertyNames())
			.isNotEmpty()
			.doesNotContainAnyElementsOf(bundle("messages.properties").stringPropertyNames())
			.doesNotContainAnyElementsOf(bundle("i18n/manage.properties").stringPropertyNames());
	}

	private String body(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = AdministratorPagesTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
