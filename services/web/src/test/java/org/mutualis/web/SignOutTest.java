package org.mutualis.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signing out of web also ends the session at identity (OIDC RP-initiated logout): otherwise the next sign-in on a
 * shared computer would be silent.
 */
class SignOutTest extends PageTestSupport {

	@Test
	void signingOutSendsTheBrowserToIdentitysEndSessionEndpoint() throws Exception {
		String location = this.mvc.perform(post("/logout").with(signedIn("MEMBER")).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("http://localhost:8080/connect/logout?id_token_hint=")
			.contains("post_logout_redirect_uri=http://localhost/");
	}

	@Test
	void anAnonymousSignOutGoesHome() throws Exception {
		assertThat(this.mvc.perform(post("/logout").with(csrf())).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/");
	}

}
