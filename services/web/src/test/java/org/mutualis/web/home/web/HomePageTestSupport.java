package org.mutualis.web.home.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Renders the home page through the web slice, anonymously or signed in. */
@WebMvcTest(HomeController.class)
@org.springframework.context.annotation.Import({ org.mutualis.web.WebSecurityAccess.class })
public abstract class HomePageTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClientRegistrationRepository registrations;

	@Autowired
	OAuth2AuthorizedClientService authorizedClients;

	protected String page(@Nullable String acceptLanguage, @Nullable String lang) throws Exception {
		MockHttpServletRequestBuilder request = get("/");
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		if (lang != null) {
			request.param("lang", lang);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	protected String signedInPage() throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("person-1")
			.claim("org", "5e1f0001-0000-4000-8000-000000000001")
			.claim("roles", List.of("MANAGER"))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.serialize(),
				Instant.now(), Instant.now().plusSeconds(300));
		ClientRegistration registration = this.registrations.findByRegistrationId("mutualis");
		this.authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, "person-1", accessToken),
				new TestingAuthenticationToken("person-1", null));
		return this.mvc
			.perform(get("/").with(oidcLogin().clientRegistration(registration)
				.idToken((token) -> token.claims((c) -> c.putAll(Map.of("sub", "person-1", "name", "Gestion La Ruche"))))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	protected String redirectOfPrivatePage() throws Exception {
		String location = this.mvc.perform(get("/private")).andReturn().getResponse().getHeader("Location");
		return (location != null) ? location : "";
	}

	protected static AbstractStringAssert<?> assertThat(String actual) {
		return Assertions.assertThat(actual);
	}

}
