package org.mutualis.identity.token.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** Authorizations whose every token has expired do not pile up: saving another one clears them away. */
@SpringBootTest(properties = { "spring.mail.port=3999", "mutualis.demo.enabled=false" })
@AutoConfigureMockMvc
@WithInfrastructure
class ExpiredAuthorizationsTest {

	@Autowired
	MongoAuthorizations authorizations;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	MongoTemplate mongo;

	@Test
	void savingAnAuthorizationClearsAwayThoseThatExpired() {
		String expired = UUID.randomUUID().toString();
		this.mongo.insert(new Document("_id", expired).append("principalName", "person-gone")
			.append("expiresAt", Date.from(Instant.now().minus(Duration.ofHours(9)))), MongoAuthorizations.COLLECTION);
		this.authorizations.forgetLastCleanup();

		Instant now = Instant.now();
		OAuth2Authorization fresh = OAuth2Authorization.withRegisteredClient(this.clients.findByClientId("mutualis-cli"))
			.id(UUID.randomUUID().toString())
			.principalName("person-here")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(new OAuth2AuthorizationCode("code-" + UUID.randomUUID(), now, now.plus(Duration.ofMinutes(2))))
			.build();
		this.authorizations.save(fresh);

		assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is(expired)), MongoAuthorizations.COLLECTION))
			.isFalse();
		assertThat(this.authorizations.findById(fresh.getId())).isNotNull();
	}

}
