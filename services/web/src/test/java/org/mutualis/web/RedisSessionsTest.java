package org.mutualis.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.session.SharedSessionsAutoConfiguration;
import org.mutualis.platform.test.TestRedis;
import org.mutualis.web.web.Accounts;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Web's sessions on the platform's {@link SharedSessionsAutoConfiguration} in a real Redis (platform-test's
 * {@link TestRedis}, skipped without one): what one web instance writes in a person's session (sign-in, tokens, the
 * saved request, the header's account) another reads with the same cookie, under {@code mutualis:web:session}; the
 * cookie is the in-memory mode's; without the setting nothing about Redis exists.
 */
class RedisSessionsTest {

	private static final String ACCOUNT = "org.mutualis.web.web.PageHeader.account";

	private static TestRedis redis;

	@AfterAll
	static void stopRedis() throws Exception {
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void whatOneInstanceWritesInTheSessionAnotherReadsWithTheSameCookie() throws Exception {
		String url = redisUrl();
		instance(url).run((first) -> instance(url).run((second) -> {
			ClientRegistration registration = ClientRegistration.withRegistrationId("mutualis")
				.clientId("mutualis-web")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.authorizationUri("http://localhost:8080/oauth2/authorize")
				.tokenUri("http://localhost:9000/oauth2/token")
				.build();
			Instant now = Instant.now();
			DefaultOidcUser person = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"),
					new OidcIdToken("id-token", now, now.plusSeconds(300),
							Map.of("sub", "person-1", "name", "Gestion La Ruche")),
					"sub");
			OAuth2AuthenticationToken signedIn = new OAuth2AuthenticationToken(person, person.getAuthorities(),
					"mutualis");
			OAuth2AuthorizedClient tokens = new OAuth2AuthorizedClient(registration, "person-1",
					new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token-1", now,
							now.plusSeconds(300)));
			Accounts.Account account = new Accounts.Account("Gestion La Ruche", false,
					List.of(new Accounts.Organisation("org-1", "Coopérative La Ruche", "APPROVED", "MANAGER")));

			MockHttpServletRequest onFirst = new MockHttpServletRequest("GET", "/mes-reservations");
			onFirst.setQueryString("statut=EN_ATTENTE");
			MockHttpServletResponse fromFirst = through(first, onFirst, (request, response) -> {
				new HttpSessionSecurityContextRepository().saveContext(new SecurityContextImpl(signedIn), request,
						response);
				first.getBean(OAuth2AuthorizedClientRepository.class)
					.saveAuthorizedClient(tokens, signedIn, request, response);
				new HttpSessionRequestCache().saveRequest(request, response);
				request.getSession().setAttribute(ACCOUNT, account);
			});
			String cookie = sessionCookie(fromFirst);

			MockHttpServletRequest onSecond = new MockHttpServletRequest("GET", "/");
			onSecond.setCookies(new Cookie("MUTUALIS_WEB_SESSION", cookie));
			through(second, onSecond, (request, response) -> {
				Authentication read = new HttpSessionSecurityContextRepository().loadDeferredContext(request)
					.get()
					.getAuthentication();
				assertThat(read).isInstanceOf(OAuth2AuthenticationToken.class);
				assertThat(read.getName()).isEqualTo("person-1");
				assertThat(((DefaultOidcUser) read.getPrincipal()).getIdToken().getTokenValue()).isEqualTo("id-token");
				OAuth2AuthorizedClient readTokens = second.getBean(OAuth2AuthorizedClientRepository.class)
					.loadAuthorizedClient("mutualis", read, request);
				assertThat(readTokens).isNotNull();
				assertThat(readTokens.getAccessToken().getTokenValue()).isEqualTo("access-token-1");
				assertThat(new HttpSessionRequestCache().getRequest(request, response).getRedirectUrl())
					.contains("/mes-reservations?statut=EN_ATTENTE");
				assertThat(request.getSession().getAttribute(ACCOUNT)).isEqualTo(account);
			});

			try (var connection = second.getBean(RedisConnectionFactory.class).getConnection()) {
				String key = "mutualis:web:session:sessions:" + new String(
						java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
				assertThat(connection.keyCommands().exists(key.getBytes(StandardCharsets.UTF_8))).isTrue();
			}

			MockHttpServletRequest unknown = new MockHttpServletRequest("GET", "/");
			unknown.setCookies(new Cookie("MUTUALIS_WEB_SESSION", "bm90LWEtc2Vzc2lvbg"));
			through(second, unknown, (request, response) -> assertThat(request.getSession(false)).isNull());
		}));
	}

	@Test
	void theSessionCookieIsTheInMemoryModesOneAndTheFilterRunsFirst() throws Exception {
		instance(redisUrl()).run((web) -> {
			MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/");
			String header = through(web, plain, (request, response) -> request.getSession().setAttribute("x", "y"))
				.getHeader("Set-Cookie");
			assertThat(header).startsWith("MUTUALIS_WEB_SESSION=")
				.contains("; HttpOnly")
				.contains("; SameSite=Lax")
				.contains("; Path=/")
				.doesNotContain("Secure");
			MockHttpServletRequest behindTls = new MockHttpServletRequest("GET", "/");
			behindTls.setSecure(true);
			assertThat(through(web, behindTls, (request, response) -> request.getSession().setAttribute("x", "y"))
				.getHeader("Set-Cookie")).startsWith("MUTUALIS_WEB_SESSION=").contains("; Secure");
			FilterRegistrationBean<?> registration = web.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(SessionRepositoryFilter.class);
			assertThat(registration.getOrder()).isEqualTo(SessionRepositoryFilter.DEFAULT_ORDER);
		});
	}

	@Test
	void withoutTheSettingNothingAboutRedisExists() throws Exception {
		int nowhere = TestRedis.freePort();
		new WebApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withConfiguration(AutoConfigurations.of(SharedSessionsAutoConfiguration.class))
			.withUserConfiguration(SessionTokens.class)
			.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + nowhere)
			.run((web) -> {
				assertThat(web).hasNotFailed();
				assertThat(web.getEnvironment().getProperty("mutualis.sessions")).isEqualTo("memory");
				assertThat(web).doesNotHaveBean(SessionTokens.class)
					.doesNotHaveBean(RedisConnectionFactory.class)
					.doesNotHaveBean(SessionRepository.class)
					.doesNotHaveBean(SessionRepositoryFilter.class)
					.doesNotHaveBean(OAuth2AuthorizedClientRepository.class);
			});
	}

	private static WebApplicationContextRunner instance(String redisUrl) {
		// the shipped application.yml (application name, cookie settings, mutualis.sessions) with Redis switched on
		return new WebApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withConfiguration(AutoConfigurations.of(SharedSessionsAutoConfiguration.class))
			.withUserConfiguration(SessionTokens.class)
			.withPropertyValues("mutualis.sessions=redis", "spring.data.redis.url=" + redisUrl);
	}

	/** One request through the instance's session filter, as the servlet container runs it before the pages. */
	private static MockHttpServletResponse through(ApplicationContext web, MockHttpServletRequest request,
			Page page) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (req, res) -> page.handle((HttpServletRequest) req, (HttpServletResponse) res);
		web.getBean(SessionRepositoryFilter.class).doFilter(request, response, chain);
		return response;
	}

	private static String sessionCookie(MockHttpServletResponse response) {
		String header = response.getHeader("Set-Cookie");
		assertThat(header).startsWith("MUTUALIS_WEB_SESSION=");
		return header.substring("MUTUALIS_WEB_SESSION=".length(), header.indexOf(';'));
	}

	private static synchronized String redisUrl() throws IOException {
		assumeTrue(TestRedis.available(),
				"neither redis-server (Debian package) nor Docker is here: sessions in Redis not tested");
		if (redis == null) {
			redis = TestRedis.start();
		}
		return redis.url();
	}

	@FunctionalInterface
	private interface Page {

		void handle(HttpServletRequest request, HttpServletResponse response);

	}

}
