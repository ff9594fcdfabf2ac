package org.mutualis.platform.session;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * A service's HTTP sessions in Redis, shared by all its instances, when {@code mutualis.sessions=redis}: web's
 * (sign-in, the person's tokens, the saved request) and identity's (the sign-in form's CSRF token, the authorization
 * request saved while the person signs in, the signed-in session that later authorizations reuse). In memory, a
 * second instance behind a balancer refuses the sign-in form posted to it (CSRF) or forgets where to go back.
 * Redis is {@code spring.data.redis.url}. Keys live under {@code mutualis:<spring.application.name>:session}; the idle
 * timeout is {@code server.servlet.session.timeout} (30 min by default), as in memory; the cookie is the one the
 * in-memory mode sets ({@code server.servlet.session.cookie.*}: name, HttpOnly, SameSite; Secure when the request is).
 * Nothing about Redis exists otherwise, nor in a service without Spring Session Data Redis on its class path.
 * Attributes are stored with Java serialization: everything a service puts in the session is
 * {@link java.io.Serializable}.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession")
@ConditionalOnProperty(name = "mutualis.sessions", havingValue = "redis")
public final class SharedSessionsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@EnableRedisHttpSession
	static class RedisSessions {

		@Bean
		LettuceConnectionFactory sessionRedisConnectionFactory(@Value("${spring.data.redis.url}") String url,
				@Value("${spring.data.redis.timeout:2s}") String timeout) {
			return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url),
					LettuceClientConfiguration.builder().commandTimeout(DurationStyle.detectAndParse(timeout)).build());
		}

		@Bean
		SessionRepositoryCustomizer<RedisSessionRepository> sessionKeysAndTimeout(
				@Value("${spring.application.name}") String application,
				@Value("${server.servlet.session.timeout:30m}") String timeout) {
			Duration idle = DurationStyle.detectAndParse(timeout);
			return (repository) -> {
				repository.setRedisKeyNamespace("mutualis:" + application + ":session");
				repository.setDefaultMaxInactiveInterval(idle);
			};
		}

		/**
		 * Spring Session's filter before every other one (Spring Security's included), on every dispatch, as Boot's
		 * own session auto-configuration would register it.
		 * @param filter the filter {@code @EnableRedisHttpSession} defines
		 * @return its registration
		 */
		@Bean
		FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
				SessionRepositoryFilter<?> filter) {
			FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
			registration
				.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
			return registration;
		}

		@Bean
		CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name:SESSION}") String name,
				@Value("${server.servlet.session.cookie.same-site:lax}") String sameSite,
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

}
