package org.mutualis.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lists come in pages no larger than the maximum, and what a manager can send is capped: invitations only from an
 * approved organisation, and a limited number per organisation per day.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class ListsAndCapsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Test
	void theAdministratorsListOfOrganisationsIsPaged() throws Exception {
		for (int i = 0; i < 3; i++) {
			organisation("manager-" + UUID.randomUUID(), true);
		}
		RequestPostProcessor admin = actor("admin-1", null, "ADMIN");
		this.mvc.perform(get("/api/identity/admin/organisations?size=2").with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(header().exists("X-Total-Count"));
		this.mvc.perform(get("/api/identity/admin/organisations?size=101").with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		this.mvc.perform(get("/api/identity/admin/organisations?page=-1").with(admin)).andExpect(status().isBadRequest());
		// a page whose offset passes what an int holds is empty, not the first page again
		this.mvc.perform(get("/api/identity/admin/organisations?page=1073741824&size=2").with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void membersArePaged() throws Exception {
		String manager = person("manager");
		Organisation organisation = organisation(manager, true);
		organisation.join(person("member"), MembershipRole.MEMBER, Instant.now());
		this.organisations.save(organisation);
		RequestPostProcessor asManager = actor(manager, organisation.id(), "MANAGER");
		this.mvc.perform(get("/api/identity/organisations/" + organisation.id() + "/members?size=1").with(asManager))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Total-Count", "2"))
			.andExpect(jsonPath("$.length()").value(1));
		this.mvc.perform(get("/api/identity/organisations/" + organisation.id() + "/members?size=500").with(asManager))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anOrganisationAwaitingApprovalCannotInvite() throws Exception {
		String manager = "manager-" + UUID.randomUUID();
		Organisation organisation = organisation(manager, false);
		invite(organisation.id(), manager).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:organisation-status"));
	}

	@Test
	void invitationsPerOrganisationPerDayAreCapped() throws Exception {
		String manager = "manager-" + UUID.randomUUID();
		Organisation organisation = organisation(manager, true);
		for (int i = 0; i < 30; i++) {
			invite(organisation.id(), manager).andExpect(status().isCreated());
		}
		invite(organisation.id(), manager).andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:invitation-limit"));
	}

	private org.springframework.test.web.servlet.ResultActions invite(String organisationId, String manager)
			throws Exception {
		return this.mvc.perform(post("/api/identity/organisations/" + organisationId + "/invitations")
			.with(actor(manager, organisationId, "MANAGER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"invite-" + UUID.randomUUID().toString().substring(0, 8)
					+ "@caps.test\",\"role\":\"MEMBER\"}"));
	}

	private String person(String prefix) {
		String id = prefix + "-" + UUID.randomUUID();
		this.people.save(Person.register(id, id + "@caps.test", prefix, Language.fr, "{noop}x", Instant.now()));
		return id;
	}

	private Organisation organisation(String manager, boolean approved) {
		Instant now = Instant.now();
		Organisation organisation = Organisation.register(UUID.randomUUID().toString(), new OrganisationProfile(
				"Organisme plafonné", LegalForm.NON_PROFIT, "Culture", "Montérégie-Ouest", "Roussillon", "Candiac",
				"info@caps.test", null, Language.fr), manager, now);
		if (approved) {
			organisation.approve(now);
		}
		this.organisations.save(organisation);
		return this.organisations.find(organisation.id()).orElseThrow();
	}

	private static RequestPostProcessor actor(String personId, String organisationId, String role) {
		return jwt().jwt((builder) -> {
			builder.subject(personId).claim("roles", List.of(role)).audience(List.of("mutualis-api"));
			if (organisationId != null) {
				builder.claim("org", organisationId);
			}
		}).authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

}
