package org.mutualis.platform.security;

import java.time.Clock;

import org.mutualis.platform.events.EventsAutoConfiguration;
import org.mutualis.platform.events.ProcessedEvents;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses tokens of suspended organisations and of changed memberships, learned from identity events. Needs the
 * service's database and event plumbing, so it stays out of slices (e.g. {@code @WebMvcTest}) that have neither.
 */
@AutoConfiguration(after = { DataMongoAutoConfiguration.class, EventsAutoConfiguration.class },
		before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnProperty({ "mutualis.events.source", "spring.security.oauth2.resourceserver.jwt.jwk-set-uri" })
@ConditionalOnProperty(name = "mutualis.security.token-revocations", matchIfMissing = true)
@ConditionalOnBean({ MongoTemplate.class, ProcessedEvents.class })
@EnableConfigurationProperties(SecurityProperties.class)
public class TokenRevocationAutoConfiguration {

	@Bean
	TokenRevocations tokenRevocations(MongoTemplate mongo, SecurityProperties properties) {
		return new TokenRevocations(mongo, properties.revocationsRefresh(), Clock.systemUTC());
	}

	@Bean
	TokenRevocationValidator tokenRevocationValidator(TokenRevocations revocations) {
		return new TokenRevocationValidator(revocations);
	}

	@Bean
	IdentityEventsListener identityEventsListener(TokenRevocations revocations, ProcessedEvents processed,
			JsonMapper mapper) {
		return new IdentityEventsListener(revocations, processed, mapper);
	}

}
