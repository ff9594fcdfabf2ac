package org.mutualis.web;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.EndpointInventory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The pages of web against a visitor, a manager and a member of the organisation they act for (web has browser
 * sessions, not bearer tokens): every page has a row, and a page without one fails this test. A visitor reaches the
 * public pages and is sent to sign in for the others; a member gets the 403 page on the manager pages and their forms
 * (the role of their access token, as the header shows it); a form posted without its CSRF token is refused. What a
 * signed-in person may do with an object is decided by the service that owns it (its refusal is shown), not here:
 * the administrators' pages answer here because the services are stubbed, and they refuse non-administrators.
 */
class AuthorizationMatrixTest extends PageTestSupport {

	private static final int SIGN_IN = 302;

	private static final int FORBIDDEN = 403;

	/** Page → {visitor's status, a manager's status, a member's status}; POSTs are sent with a CSRF token. */
	static final Map<String, int[]> MATRIX = new TreeMap<>(Map.ofEntries(
			Map.entry("GET /", new int[] { 200, 200, 200 }),
			Map.entry("GET /recherche", new int[] { 200, 200, 200 }),
			Map.entry("GET /annonces/{id}", new int[] { 200, 200, 200 }),
			Map.entry("GET /annonces/{id}/photos/{photoId}", new int[] { 200, 200, 200 }),
			Map.entry("GET /annonces/{id}/reserver", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /annonces/{id}/reserver", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /reservations", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /reservations/{id}/annuler", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /reservations/{id}/accepter-proposition", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /reservations/{id}/refuser-proposition", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /reservations/serie/{seriesId}/annuler", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /demandes", new int[] { SIGN_IN, 200, FORBIDDEN }),
			Map.entry("POST /demandes/{id}/confirmer", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /demandes/{id}/refuser", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /demandes/{id}/proposer", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("GET /mes-annonces", new int[] { SIGN_IN, 200, FORBIDDEN }),
			Map.entry("GET /mes-annonces/nouvelle", new int[] { SIGN_IN, 200, FORBIDDEN }),
			Map.entry("POST /mes-annonces", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("GET /mes-annonces/{id}/modifier", new int[] { SIGN_IN, 200, FORBIDDEN }),
			Map.entry("POST /mes-annonces/{id}", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /mes-annonces/{id}/photos", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /mes-annonces/{id}/soumettre", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /mes-annonces/{id}/archiver", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("GET /mes-annonces/{id}/disponibilites", new int[] { SIGN_IN, 200, FORBIDDEN }),
			Map.entry("POST /mes-annonces/{id}/disponibilites", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /mes-annonces/{id}/blocages", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /mes-annonces/{id}/blocages/{blockId}/lever", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("GET /organisation/membres", new int[] { SIGN_IN, 200, FORBIDDEN }),
			Map.entry("POST /organisation/invitations", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /organisation/invitations/{invitationId}/retirer", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /organisation/membres/{personId}/role", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("POST /organisation/membres/{personId}/retirer", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("GET /organisation/releve", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("GET /organisation/releve.csv", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("GET /admin/lettres-mortes", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /admin/lettres-mortes/{id}/rejouer", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /admin/impact", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("GET /admin/impact.csv", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("GET /admin/administrateurs", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /admin/administrateurs/{personId}/nommer", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /admin/administrateurs/{personId}/retirer", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /admin/organisations", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /admin/organisations/{id}/approuver", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /admin/organisations/{id}/refuser", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /admin/moderation", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /admin/moderation/{id}/{action}", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /inscription", new int[] { 200, 200, 200 }),
			Map.entry("POST /inscription", new int[] { 302, 302, 302 }),
			Map.entry("GET /inscription/envoyee", new int[] { 200, 200, 200 }),
			Map.entry("GET /mot-de-passe-oublie", new int[] { 302, 302, 302 }),
			Map.entry("GET /profil", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /profil", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /notifications", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /notifications/{id}/lue", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /notifications/tout-lu", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /notifications/flux", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("GET /notifications/preferences", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /notifications/preferences", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /notifications/desabonnement", new int[] { 302, 302, 302 }),
			Map.entry("GET /notifications/desabonnement", new int[] { 200, 200, 200 }),
			Map.entry("GET /conversations", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("GET /conversations/{id}", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /conversations/{id}/messages", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /annonces/{id}/serie", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /annonces/{id}/serie", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("POST /annonces/{id}/liste-attente", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /reservations/liste-attente/{entryId}/quitter", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /reservations/{id}/accepter-offre", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("POST /reservations/agenda", new int[] { SIGN_IN, 302, FORBIDDEN }),
			Map.entry("GET /bookings/{id}", new int[] { SIGN_IN, 200, 200 }),
			Map.entry("GET /listings/{id}", new int[] { SIGN_IN, 302, 302 }),
			Map.entry("GET /organisation", new int[] { SIGN_IN, 302, 302 })));

	/**
	 * Pages that share a path with a row above and differ by a query parameter, which the inventory of paths does not
	 * tell apart: e-mails' unsubscribe link opens to anyone (its token is the credential), the preferences page
	 * without it still needs a sign-in.
	 */
	static final Map<String, int[]> WITH_PARAMETERS = Map.of("GET /notifications/preferences?unsubscribe=jeton-1",
			new int[] { 200, 200, 200 });

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyPageHasARowAndAnswersAsItSays() throws Exception {
		assertThat(EndpointInventory.of(this.mapping)).isEqualTo(MATRIX.keySet());
		org.mockito.BDDMockito.given(this.services.bytes(org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.anyString()))
			.willReturn(org.springframework.http.ResponseEntity.ok(new byte[] { 1 }));
		org.mockito.BDDMockito.given(this.services.exchange(org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyString(),
				org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
			.willReturn(org.springframework.http.ResponseEntity.ok(Map.of("id", "listing-1")));
		org.mockito.BDDMockito.given(this.services.exchange(org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyString(),
				org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.anyMap()))
			.willReturn(org.springframework.http.ResponseEntity.ok(Map.of("id", "booking-1", "status", "REQUESTED")));
		Map<String, int[]> rows = new TreeMap<>(MATRIX);
		rows.putAll(WITH_PARAMETERS);
		for (Map.Entry<String, int[]> row : rows.entrySet()) {
			assertThat(this.mvc.perform(request(row.getKey())).andReturn().getResponse().getStatus())
				.as("visitor: " + row.getKey())
				.isEqualTo(row.getValue()[0]);
			assertThat(this.mvc.perform(request(row.getKey()).with(signedIn("MANAGER"))).andReturn().getResponse()
				.getStatus()).as("manager: " + row.getKey()).isEqualTo(row.getValue()[1]);
			assertThat(this.mvc.perform(request(row.getKey()).with(signedIn("MEMBER"))).andReturn().getResponse()
				.getStatus()).as("member: " + row.getKey()).isEqualTo(row.getValue()[2]);
		}
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		assertThat(this.mvc.perform(post("/demandes/booking-1/confirmer").param("version", "0").with(signedIn("MANAGER")))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	private static AbstractMockHttpServletRequestBuilder<?> request(String row) {
		String method = row.substring(0, row.indexOf(' '));
		String path = row.substring(row.indexOf(' ') + 1)
			.replace("/bookings/{id}", "/bookings/booking-1")
			.replace("{id}", "listing-1")
			.replace("{blockId}", "block-1")
			.replace("{personId}", "person-2")
			.replace("{photoId}", "photo-1")
			.replace("{entryId}", "entry-1")
			.replace("{invitationId}", "invitation-1")
			.replace("{seriesId}", "series-1")
			.replace("{action}", "publish");
		if ("GET".equals(method)) {
			return get(path);
		}
		AbstractMockHttpServletRequestBuilder<?> post = path.endsWith("/photos") ? multipart(path)
			.file(new MockMultipartFile("file", "a.png", "image/png", new byte[] { 1 })) : post(path);
		return post.with(csrf())
			.param("version", "1")
			.param("reason", "raison")
			.param("booking", "booking-1")
			.param("start", "2026-12-01T14:00")
			.param("end", "2026-12-01T16:00")
			.param("timeZone", "America/Toronto")
			.param("quantity", "1")
			.param("language", "fr")
			.param("token", "jeton-1");
	}

}
