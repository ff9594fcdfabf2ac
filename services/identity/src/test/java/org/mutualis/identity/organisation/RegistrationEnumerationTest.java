package org.mutualis.identity.organisation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Registration tells nobody whether an address already has an account: a taken address gets the same status and
 * body as a free one (its owner learns of the attempt by e-mail), and only the free one creates an organisation.
 */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class RegistrationEnumerationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aTakenAddressGetsTheSameAnswerAsAFreeOne() throws Exception {
		String email = "enumeration-" + UUID.randomUUID().toString().substring(0, 8) + "@registration.test";
		MockHttpServletResponse first = register(email, "premier");
		MockHttpServletResponse second = register(email.toUpperCase(), "second");
		assertThat(first.getStatus()).isEqualTo(202);
		assertThat(second.getStatus()).isEqualTo(first.getStatus());
		assertThat(second.getContentAsString().toLowerCase()).isEqualTo(first.getContentAsString().toLowerCase());
		assertThat(second.getHeader("Location")).isEqualTo(first.getHeader("Location"));
		assertThat(this.mongo.count(Query.query(Criteria.where("profile.contactEmail").is("info-premier@registration.test")),
				"organisations")).isEqualTo(1);
		assertThat(this.mongo.count(Query.query(Criteria.where("profile.contactEmail").is("info-second@registration.test")),
				"organisations")).isZero();
	}

	private MockHttpServletResponse register(String email, String contact) throws Exception {
		return this.mvc.perform(post("/api/identity/organisations").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Organisme","legalForm":"NON_PROFIT","sector":"Culture","mrc":"Roussillon",
				 "municipality":"Candiac","contactEmail":"info-%s@registration.test","preferredLanguage":"fr",
				 "manager":{"email":"%s","displayName":"Gestion","password":"Une-phrase-de-passe-2026"}}"""
			.formatted(contact, email))).andReturn().getResponse();
	}

}
