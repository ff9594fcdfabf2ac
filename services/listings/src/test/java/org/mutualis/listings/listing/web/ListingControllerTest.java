package org.mutualis.listings.listing.web;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.web.ListingViewsImpl;
import org.mutualis.platform.security.ResourceServerAutoConfiguration;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.web.ProblemsAutoConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The listing controller alone, with the platform's security and problem rendering: bad input never reaches the service. */
@WebMvcTest(controllers = ListingController.class, properties = "mutualis.security.token-revocations=false")
@Import({ ListingRequestMapperImpl.class, ListingViewsImpl.class })
@ImportAutoConfiguration({ ProblemsAutoConfiguration.class, ResourceServerAutoConfiguration.class })
class ListingControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ListingManagement management;

	@MockitoBean
	JwtDecoder jwtDecoder;

	@Test
	void invalidFieldsAreAProblemListingEachFieldInFrenchByDefault() throws Exception {
		String body = ListingFixtures.roomJson()
			.replace("\"unit\":\"HOUR\",", "")
			.replace("\"minDurationMinutes\":60", "\"minDurationMinutes\":0");
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:invalid-request"))
			.andExpect(jsonPath("$.detail").value("La requête contient des champs invalides."))
			.andExpect(jsonPath("$.errors[?(@.field == 'unit')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'bookingPolicy.minDurationMinutes')]").exists());
		verify(this.management, never()).create(any(), any());
	}

	@Test
	void malformedValuesAndUnknownFieldsAreRefused() throws Exception {
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson().replace("\"kind\":\"SPACE\"", "\"kind\":\"CASTLE\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:unreadable-body"))
			// the platform names the field as the caller wrote it
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson().replaceFirst("\\{", "{\"version\":7,")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:unreadable-body"));
		verify(this.management, never()).create(any(), any());
	}

	@Test
	void malformedVersionHeaderIsRefused() throws Exception {
		this.mvc.perform(put("/api/listings/abc").with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.IF_MATCH, "\"yesterday\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:invalid-version"));
	}

	@Test
	void anonymousCallerMustAuthenticateToCreate() throws Exception {
		this.mvc.perform(post("/api/listings").contentType(MediaType.APPLICATION_JSON).content(ListingFixtures.roomJson()))
			.andExpect(status().isUnauthorized());
	}

}
