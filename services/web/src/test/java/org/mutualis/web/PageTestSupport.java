package org.mutualis.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.mutualis.web.web.Accounts;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.mutualis.platform.web.EventStreams;
import org.mutualis.web.notification.web.UnreadRelay;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/**
 * Renders web's pages through the MVC slice with its real security, templates and message bundles; the services
 * answer with recorded JSON (src/test/resources/fixtures), as they do over HTTP.
 */
@WebMvcTest
@Import({ WebSecurityAccess.class, UnreadRelay.class, EventStreams.class })
abstract class PageTestSupport {

	static final String LA_RUCHE = "5e1f0001-0000-4000-8000-000000000001";

	private static final RSASSASigner SIGNER;

	static {
		try {
			SIGNER = new RSASSASigner(new RSAKeyGenerator(2048).generate());
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@MockitoBean
	ServiceCalls services;

	@MockitoBean
	Accounts accounts;

	@BeforeEach
	void servicesAnswerWithRecordedJson() throws Exception {
		given(this.services.get(eq(Service.LISTINGS), startsWith("/api/listings/search"))).willReturn(object("search"));
		given(this.services.get(Service.LISTINGS, "/api/listings/listing-1")).willReturn(object("listing"));
		given(this.services.get(Service.LISTINGS, "/api/listings/moderation/queue")).willReturn(object("queue"));
		given(this.services.list(Service.LISTINGS, "/api/listings/categories")).willReturn(array("categories"));
		given(this.services.list(eq(Service.LISTINGS), startsWith("/api/listings/organisations/")))
			.willReturn(List.of(object("listing")));
		given(this.services.list(Service.IDENTITY, "/api/identity/regions")).willReturn(array("regions"));
		given(this.services.list(eq(Service.IDENTITY), startsWith("/api/identity/admin/organisations")))
			.willReturn(array("organisations"));
		given(this.services.get(eq(Service.BOOKING), startsWith("/api/bookings/listings/listing-1/availability")))
			.willReturn(object("availability"));
		given(this.services.get(eq(Service.BOOKING), startsWith("/api/bookings?"))).willReturn(object("bookings"));
		given(this.services.get(eq(Service.BOOKING), startsWith("/api/bookings/incoming")))
			.willReturn(object("bookings"));
		given(this.services.get(Service.BOOKING, "/api/bookings/booking-1")).willReturn(object("booking"));
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/availability"), any(),
				any()))
			.willReturn(ResponseEntity.ok(Map.of("available", List.of("listing-1"), "unavailable",
					Map.of("listing-2", "FULL"))));
		given(this.services.get(eq(Service.NOTIFICATIONS), startsWith("/api/notifications/inbox")))
			.willReturn(object("inbox"));
		given(this.services.get(Service.NOTIFICATIONS, "/api/notifications/preferences")).willReturn(object("preferences"));
		given(this.services.list(Service.NOTIFICATIONS, "/api/notifications/conversations"))
			.willReturn(array("conversations"));
		given(this.services.get(eq(Service.NOTIFICATIONS), startsWith("/api/notifications/conversations/")))
			.willReturn(object("conversation"));
		given(this.services.list(Service.BOOKING, "/api/bookings/waitlist")).willReturn(array("waitlist"));
		given(this.services.exchangeAnonymously(eq(Service.NOTIFICATIONS), eq(HttpMethod.POST),
				startsWith("/api/notifications/unsubscribe/")))
			.willReturn(ResponseEntity.ok(Map.of("category", "BOOKINGS", "email", false)));
		given(this.accounts.mine()).willReturn(new Accounts.Account("Gestion La Ruche", false,
				List.of(new Accounts.Organisation(LA_RUCHE, "Coopérative La Ruche", "APPROVED", "MANAGER"))));
	}

	/**
	 * A person signed in for La Ruche.
	 * @param roles the roles of their token
	 * @return the request post-processor
	 */
	RequestPostProcessor signedIn(String... roles) throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("person-1").claim("roles", List.of(roles));
		if (!List.of(roles).contains("ADMIN")) {
			claims.claim("org", LA_RUCHE);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
		jwt.sign(SIGNER);
		given(this.services.token()).willReturn(jwt.serialize());
		given(this.services.actingOrganisation()).willReturn(List.of(roles).contains("ADMIN") ? null : LA_RUCHE);
		return oidcLogin().idToken((token) -> token.claim("name", "Gestion La Ruche"));
	}

	Map<String, Object> object(String name) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name + ".json")) {
			return this.json.readValue(in, new TypeReference<Map<String, Object>>() {
			});
		}
	}

	List<Map<String, Object>> array(String name) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name + ".json")) {
			return this.json.readValue(in, new TypeReference<List<Map<String, Object>>>() {
			});
		}
	}

}
