package org.mutualis.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.web.EventStreams;
import org.mutualis.web.notification.web.UnreadRelay;
import org.mutualis.web.web.Accounts;
import org.mutualis.web.web.ServiceCalls;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The "Ne plus recevoir ces courriels / Unsubscribe" link at the foot of every notification e-mail
 * ({@code /notifications/preferences?unsubscribe=<token>}), over real HTTP to a stand-in for notifications: opening it
 * asks to confirm and calls nothing (mail scanners open links); confirming calls notifications' one-click unsubscribe
 * with the token and without anyone's access token, then names the e-mails that stop; an unknown token says the link
 * is not valid, a malformed one reaches no service; a visitor does all this without signing in, while the preferences
 * page itself still needs a sign-in.
 */
@WebMvcTest
@Import({ WebSecurityAccess.class, UnreadRelay.class, EventStreams.class })
class UnsubscribeLinkTest {

	private static final String KNOWN = "Zm9vYmFyLXRva2VuLTAxMjM0NTY3ODlfYWJj";

	private static final String PERSONS_TOKEN = "personal-access-token-of-camille";

	private static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();

	private static final HttpServer NOTIFICATIONS;

	static {
		try {
			NOTIFICATIONS = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		NOTIFICATIONS.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getRawPath();
			RECEIVED.add(Map.of("method", exchange.getRequestMethod(), "path", path, "authorization",
					String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), "language",
					String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language"))));
			int status;
			String body;
			if (path.equals("/api/notifications/unsubscribe/" + KNOWN) && "POST".equals(exchange.getRequestMethod())) {
				status = 200;
				body = "{\"category\":\"BOOKINGS\",\"email\":false}";
			}
			else if (path.startsWith("/api/notifications/unsubscribe/")) {
				status = 404;
				body = """
						{"type":"urn:mutualis:problem:unsubscribe-token-unknown","status":404,
						 "title":"Not Found","detail":"Ce lien de désabonnement n’est pas valide."}""";
			}
			else if (path.equals("/api/notifications/preferences")) {
				status = 200;
				body = "{\"categories\":{\"BOOKINGS\":{\"inApp\":true,\"email\":true}},\"dailyDigest\":false}";
			}
			else {
				status = 500;
				body = "{}";
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders()
				.set("Content-Type", (status < 400) ? "application/json" : "application/problem+json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		NOTIFICATIONS.start();
	}

	@Autowired
	private MockMvc mvc;

	/** The real calls, over HTTP; only the signed-in person's token is given. */
	@MockitoSpyBean
	private ServiceCalls services;

	@MockitoBean
	private Accounts accounts;

	@DynamicPropertySource
	static void notificationsHere(DynamicPropertyRegistry properties) {
		properties.add("mutualis.web.services.notifications",
				() -> "http://127.0.0.1:" + NOTIFICATIONS.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		NOTIFICATIONS.stop(0);
	}

	@BeforeEach
	void nothingReceivedYet() {
		RECEIVED.clear();
		given(this.accounts.mine()).willReturn(new Accounts.Account("Camille", false, List.of()));
	}

	@Test
	void theEmailsLinkAsksToConfirmWithAFormAndCallsNothing() throws Exception {
		String page = body(get("/notifications/preferences?unsubscribe=" + KNOWN), 200);
		assertThat(page).contains("<title>Ne plus recevoir ces courriels? — Mutualis</title>")
			.contains("<h1>Ne plus recevoir ces courriels?</h1>")
			.contains("action=\"/notifications/desabonnement\" method=\"post\"")
			.contains("name=\"token\" value=\"" + KNOWN + "\"")
			.contains("name=\"_csrf\"")
			.contains("Ne plus recevoir ces courriels</button>")
			// the page asks, and changes nothing: not the preferences form either
			.doesNotContain("name=\"email-BOOKINGS\"");
		assertThat(body(get("/notifications/preferences?unsubscribe=" + KNOWN + "&lang=en"), 200))
			.contains("<h1>Stop receiving these e-mails?</h1>")
			.contains("Stop receiving these e-mails</button>");
		// a signed-in person following the link gets the same question, not their preferences
		assertThat(body(get("/notifications/preferences?unsubscribe=" + KNOWN).with(signedIn()), 200))
			.contains("Ne plus recevoir ces courriels?").doesNotContain("name=\"email-BOOKINGS\"");
		assertThat(RECEIVED).isEmpty();
	}

	@Test
	void confirmingCallsNotificationsWithTheTokenAndNobodysAccessTokenThenNamesTheCategory() throws Exception {
		MvcResult confirmed = this.mvc
			.perform(post("/notifications/desabonnement").with(signedIn()).with(csrf()).param("token", KNOWN))
			.andReturn();
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/notifications/desabonnement");
		assertThat(RECEIVED).singleElement().satisfies((request) -> assertThat(request)
			.containsEntry("method", "POST")
			.containsEntry("path", "/api/notifications/unsubscribe/" + KNOWN)
			.containsEntry("authorization", "null"));
		String page = body(get("/notifications/desabonnement").with(signedIn()).flashAttrs(confirmed.getFlashMap()),
				200);
		assertThat(page).contains("<title>C’est fait — Mutualis</title>").contains("<h1>C’est fait</h1>")
			.contains("Vous ne recevrez plus par courriel les notifications « Réservations ».")
			.contains("href=\"/notifications/preferences\">Choisir les courriels que je reçois</a>");
		MvcResult english = this.mvc
			.perform(post("/notifications/desabonnement?lang=en").with(signedIn()).with(csrf()).param("token", KNOWN))
			.andReturn();
		assertThat(body(get("/notifications/desabonnement?lang=en").with(signedIn())
			.flashAttrs(english.getFlashMap()), 200)).contains("<h1>Done</h1>")
			.contains("You will no longer receive “Bookings” notifications by e-mail.");
		assertThat(RECEIVED).hasSize(2).allSatisfy((request) -> assertThat(request).containsEntry("authorization", "null"));
		assertThat(RECEIVED.get(1)).containsEntry("language", "en");
	}

	@Test
	void aVisitorUnsubscribesWithoutSigningIn() throws Exception {
		assertThat(body(get("/notifications/preferences?unsubscribe=" + KNOWN), 200))
			.contains("Ne plus recevoir ces courriels?");
		MvcResult confirmed = this.mvc
			.perform(post("/notifications/desabonnement").with(csrf()).param("token", KNOWN))
			.andReturn();
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/notifications/desabonnement");
		assertThat(body(get("/notifications/desabonnement").flashAttrs(confirmed.getFlashMap()), 200))
			.contains("Vous ne recevrez plus par courriel les notifications « Réservations ».")
			.contains("href=\"/notifications/preferences\">Me connecter pour choisir les courriels que je reçois</a>");
		assertThat(RECEIVED).singleElement().satisfies((request) -> assertThat(request)
			.containsEntry("path", "/api/notifications/unsubscribe/" + KNOWN)
			.containsEntry("authorization", "null"));
		// the result page reloaded, or opened in the other language, claims nothing
		assertThat(body(get("/notifications/desabonnement?lang=en"), 200)).contains("Stop some e-mails")
			.doesNotContain("Done");
		// the form still needs its CSRF token
		assertThat(this.mvc.perform(post("/notifications/desabonnement").param("token", KNOWN)).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(RECEIVED).hasSize(1);
	}

	@Test
	void anUnknownTokenSaysTheLinkIsNotValid() throws Exception {
		String page = body(post("/notifications/desabonnement").with(csrf()).param("token", "jeton-inconnu"), 404);
		assertThat(page).contains("<h1>Ce lien n’est pas valide</h1>")
			.contains("href=\"/notifications/preferences\">Me connecter pour choisir les courriels que je reçois</a>")
			.doesNotContain("Exception").doesNotContain("unsubscribe-token-unknown");
		assertThat(body(post("/notifications/desabonnement?lang=en").with(signedIn()).with(csrf())
			.param("token", "jeton-inconnu"), 404)).contains("<h1>This link is not valid</h1>")
			.contains("Choose the e-mails I receive");
		assertThat(RECEIVED).hasSize(2).allSatisfy((request) -> assertThat(request)
			.containsEntry("path", "/api/notifications/unsubscribe/jeton-inconnu")
			.containsEntry("authorization", "null"));
	}

	@Test
	void aMalformedTokenSaysTheLinkIsNotValidWithoutAskingNotifications() throws Exception {
		List<String> malformed = List.of("", "pas%20un%20jeton", "a%2F..%2Fb", "%00", "jeton.avec.points",
				"a".repeat(101), "a".repeat(20_000));
		for (String token : malformed) {
			assertThat(body(get(URI.create("/notifications/preferences?unsubscribe=" + token)), 404)).as(token)
				.contains("Ce lien n’est pas valide").doesNotContain("action=\"/notifications/desabonnement\"");
			String decoded = java.net.URLDecoder.decode(token, StandardCharsets.UTF_8);
			assertThat(body(post("/notifications/desabonnement").with(csrf()).param("token", decoded), 404)).as(token)
				.contains("Ce lien n’est pas valide");
		}
		assertThat(body(post("/notifications/desabonnement").with(csrf()), 404)).contains("Ce lien n’est pas valide");
		// exactly 100 characters of the token's alphabet is a token, asked about
		body(post("/notifications/desabonnement").with(csrf()).param("token", "a-_".repeat(33) + "Z"), 404);
		assertThat(RECEIVED).singleElement()
			.satisfies((request) -> assertThat(request.get("path")).endsWith("a-_".repeat(33) + "Z"));
	}

	@Test
	void thePreferencesPageItselfStillNeedsASignInAndTheirToken() throws Exception {
		MockHttpServletResponse visitor = this.mvc.perform(get("/notifications/preferences")).andReturn().getResponse();
		assertThat(visitor.getStatus()).isEqualTo(302);
		assertThat(visitor.getRedirectedUrl()).endsWith(WebSecurity.SIGN_IN);
		assertThat(this.mvc.perform(post("/notifications/preferences").with(csrf()).param("email-BOOKINGS", "on"))
			.andReturn().getResponse().getRedirectedUrl()).endsWith(WebSecurity.SIGN_IN);
		assertThat(RECEIVED).isEmpty();
		// signed in, the page reads their preferences with their own token (the one the unsubscribe call leaves out)
		assertThat(body(get("/notifications/preferences").with(signedIn()), 200)).contains("name=\"email-BOOKINGS\"");
		assertThat(RECEIVED).singleElement().satisfies((request) -> assertThat(request)
			.containsEntry("path", "/api/notifications/preferences")
			.containsEntry("authorization", "Bearer " + PERSONS_TOKEN));
	}

	/** A signed-in person, whose access token the service calls would send. */
	private RequestPostProcessor signedIn() {
		doReturn(PERSONS_TOKEN).when(this.services).token();
		return oidcLogin().idToken((token) -> token.claim("name", "Camille"));
	}

	private String body(RequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

}
