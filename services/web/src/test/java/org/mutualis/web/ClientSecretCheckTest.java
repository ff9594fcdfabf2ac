package org.mutualis.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the local/demo mode web does not start with the committed demo client secret. */
class ClientSecretCheckTest {

	private static final String SECRET = "spring.security.oauth2.client.registration.mutualis.client-secret";

	@Test
	void theDemoSecretIsRefusedOutsideTheLocalMode() {
		MockEnvironment deployed = new MockEnvironment().withProperty(SECRET, "mutualis-web-demo-secret");
		assertThatThrownBy(() -> WebSecurity.requireRealClientSecret(deployed)).hasMessageContaining("MUTUALIS_WEB_CLIENT_SECRET");
		assertThatThrownBy(() -> WebSecurity.requireRealClientSecret(new MockEnvironment().withProperty(SECRET, "court")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theDemoSecretIsAcceptedLocallyAndARealOneEverywhere() {
		assertThatCode(() -> WebSecurity.requireRealClientSecret(new MockEnvironment()
			.withProperty(SECRET, "mutualis-web-demo-secret")
			.withProperty("mutualis.demo.enabled", "true"))).doesNotThrowAnyException();
		assertThatCode(() -> WebSecurity.requireRealClientSecret(new MockEnvironment()
			.withProperty(SECRET, "mutualis-web-demo-secret")
			.withProperty("mutualis.mail.mode", "folder"))).doesNotThrowAnyException();
		assertThatCode(() -> WebSecurity.requireRealClientSecret(
				new MockEnvironment().withProperty(SECRET, "un-secret-web-vraiment-long-2026")))
			.doesNotThrowAnyException();
	}

}
