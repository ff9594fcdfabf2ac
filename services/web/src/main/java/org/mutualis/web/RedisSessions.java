package org.mutualis.web;

import java.util.EnumSet;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The HTTP sessions (sign-in, the person's OAuth2 authorized clients, the saved request, the header's account) in Redis, shared by
 * every web instance, when {@code mutualis.web.sessions=redis} ({@code MUTUALIS_WEB_SESSIONS}); Redis is
 * {@code spring.data.redis.url} ({@code MUTUALIS_REDIS}, as for the gateway). Otherwise the servlet container keeps
 * them in memory and nothing connects to Redis (web has no Boot Redis or session auto-configuration on its class
 * path). The session cookie is the one of the in-memory mode: {@code server.servlet.session.cookie.*} (name
 * {@code MUTUALIS_WEB_SESSION}, HttpOnly, SameSite=Lax), Secure when the request is (behind the gateway's TLS).
 * Attributes are stored with Java serialization: everything put in the session is {@link java.io.Serializable}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mutualis.web.sessions", havingValue = "redis")
@EnableRedisHttpSession(redisNamespace = "mutualis:web:session")
class RedisSessions {

	@Bean
	LettuceConnectionFactory sessionRedisConnectionFactory(@Value("${spring.data.redis.url}") String url,
			@Value("${spring.data.redis.timeout:2s}") String timeout) {
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url),
				LettuceClientConfiguration.builder().commandTimeout(DurationStyle.detectAndParse(timeout)).build());
	}

	/**
	 * Spring Session's filter before every other one (Spring Security's included), on every dispatch, as Boot's own
	 * session auto-configuration would register it.
	 * @param filter the filter {@code @EnableRedisHttpSession} defines
	 * @return its registration
	 */
	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
			SessionRepositoryFilter<?> filter) {
		FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

	/**
	 * The person's tokens in their session, so that every instance calls the services with them (Boot's default
	 * keeps them in this instance's memory, keyed by the person).
	 * @return the session-backed repository
	 */
	@Bean
	OAuth2AuthorizedClientRepository sessionAuthorizedClients() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	@Bean
	CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name}") String name,
			@Value("${server.servlet.session.cookie.same-site}") String sameSite,
			@Value("${server.servlet.session.cookie.http-only:true}") boolean httpOnly) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(name);
		cookie.setSameSite(capitalized(sameSite));
		cookie.setUseHttpOnlyCookie(httpOnly);
		// Secure follows request.isSecure(), as the container's own cookie does (X-Forwarded-Proto from the gateway)
		cookie.setCookiePath("/");
		return cookie;
	}

	private static String capitalized(String sameSite) {
		String lower = sameSite.toLowerCase(Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

}
