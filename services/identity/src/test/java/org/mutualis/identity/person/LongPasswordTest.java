package org.mutualis.identity.person;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.identity.common.Language;
import org.mutualis.identity.common.SecretTokens;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.Invitations;
import org.mutualis.identity.organisation.LegalForm;
import org.mutualis.identity.organisation.MembershipRole;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationProfile;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A password longer than BCrypt can hash (76 × 'é' = 152 bytes) is refused with a 400 naming the field, wherever a
 * password is chosen: registration, reset and invitation.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class LongPasswordTest {

	static final String LONG = "é".repeat(76);

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisations organisations;

	@Autowired
	Invitations invitations;

	@Test
	void registrationRefusesAPasswordOverTheByteLimit() throws Exception {
		String email = "long-" + UUID.randomUUID().toString().substring(0, 8) + "@long.test";
		refusedAsTooLong("/api/identity/organisations", """
				{"name":"Organisme long","legalForm":"NON_PROFIT","sector":"Culture","mrc":"Roussillon",
				 "municipality":"Candiac","contactEmail":"info@long.test","preferredLanguage":"fr",
				 "manager":{"email":"%s","displayName":"Gestion","password":"%s"}}""".formatted(email, LONG),
				"manager.password");
	}

	@Test
	void resetRefusesAPasswordOverTheByteLimit() throws Exception {
		refusedAsTooLong("/api/identity/password-resets/complete",
				"{\"token\":\"whatever\",\"password\":\"" + LONG + "\"}", "password");
	}

	@Test
	void invitationRefusesAPasswordOverTheByteLimit() throws Exception {
		Instant now = Instant.now();
		String organisationId = UUID.randomUUID().toString();
		Organisation organisation = Organisation.register(organisationId, new OrganisationProfile("Organisme long",
				LegalForm.NON_PROFIT, "Culture", "Montérégie-Ouest", "Roussillon", "Candiac", "info@long.test", null,
				Language.fr), "manager-long", now);
		organisation.approve(now);
		this.organisations.save(organisation);
		String secret = SecretTokens.newSecret();
		this.invitations.save(Invitation.send(UUID.randomUUID().toString(), organisationId,
				"nouveau-" + UUID.randomUUID().toString().substring(0, 8) + "@long.test", MembershipRole.MEMBER,
				SecretTokens.hash(secret), "manager-long", now));
		refusedAsTooLong("/api/identity/invitations/accept",
				"{\"token\":\"" + secret + "\",\"displayName\":\"Nouveau\",\"password\":\"" + LONG + "\"}", "password");
	}

	private void refusedAsTooLong(String path, String body, String field) throws Exception {
		ResultActions result = this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.header("Accept-Language", "en")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
		result.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:password-too-long"))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.messages.en").value(org.hamcrest.Matchers.containsString("72 bytes")))
			.andExpect(jsonPath("$.messages.fr").value(org.hamcrest.Matchers.containsString("72 octets")));
	}

}
