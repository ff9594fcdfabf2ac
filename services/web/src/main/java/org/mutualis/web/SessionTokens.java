package org.mutualis.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * The person's tokens kept in their HTTP session when sessions are shared in Redis ({@code mutualis.sessions=redis},
 * {@code MUTUALIS_WEB_SESSIONS}; the platform's {@code SharedSessionsAutoConfiguration} stores the sessions), so that
 * every web instance calls the services with them: Boot's default keeps them in this instance's memory, keyed by the
 * person.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mutualis.sessions", havingValue = "redis")
class SessionTokens {

	@Bean
	OAuth2AuthorizedClientRepository sessionAuthorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

}
