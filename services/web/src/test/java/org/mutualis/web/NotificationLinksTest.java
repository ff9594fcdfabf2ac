package org.mutualis.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The addresses notifications and their e-mails link to are pages of web: a booking (shown to either of its
 * organisations, with the way to its entry in their list), a listing (its page), the organisation (its members for a
 * manager, its statement for a member), and the pages web already had under the same paths.
 */
class NotificationLinksTest extends PageTestSupport {

	private static final String LE_PHARE = "5e1f0002-0000-4000-8000-000000000002";

	/**
	 * Every path of notifications' {@code WebPaths}
	 * (services/notifications/src/main/java/org/mutualis/notifications/inbox/WebPaths.java), written as it is there:
	 * a path added or changed there must be added or changed here, and served by web.
	 */
	private static final List<String> WEB_PATHS = List.of("/bookings/{bookingId}", "/listings/{listingId}",
			"/organisation", "/conversations/{conversationId}", "/admin/moderation", "/notifications",
			"/notifications/preferences");

	@Test
	void everyPathNotificationsLinksToIsAPageOfWeb() throws Exception {
		given(this.services.get(eq(Service.BOOKING),
				org.mockito.ArgumentMatchers.startsWith("/api/bookings/ledger/statements/")))
			.willReturn(object("statement"));
		for (String path : WEB_PATHS) {
			// the ids as WebPaths writes them: URL-encoded, so a conversation's "booking:booking-1" has %3A
			String address = path.replace("{bookingId}", "booking-1")
				.replace("{listingId}", "listing-1")
				.replace("{conversationId}", "booking%3Abooking-1");
			for (String role : List.of("MANAGER", "MEMBER")) {
				MockHttpServletResponse response = this.mvc.perform(get(URI.create(address)).with(signedIn(role)))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as(role + " " + address).isIn(200, 302, 303);
				if (response.getStatus() != 200) {
					String target = response.getRedirectedUrl();
					assertThat(target).as(address).isNotNull().doesNotContain("/signin/");
					assertThat(this.mvc.perform(get(URI.create(target.replaceAll("#.*$", ""))).with(signedIn(role)))
						.andReturn()
						.getResponse()
						.getStatus()).as(role + " " + address + " → " + target).isEqualTo(200);
				}
			}
		}
		// e-mails' unsubscribe links add their token to the preferences page
		assertThat(status(get("/notifications/preferences?unsubscribe=abc").with(signedIn("MEMBER")))).isEqualTo(200);
	}

	@Test
	void aListingsAddressLeadsToItsPageAfterSigningIn() throws Exception {
		assertThat(this.mvc.perform(get("/listings/listing-1").with(signedIn("MANAGER"))).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/annonces/listing-1");
		assertThat(this.mvc.perform(get("/listings/listing-1")).andReturn().getResponse().getRedirectedUrl())
			.endsWith(WebSecurity.SIGN_IN);
		assertThat(status(get(URI.create("/listings/pas%20un%20id")).with(signedIn("MANAGER")))).isEqualTo(404);
		assertThat(status(get("/listings/..%2Fadmin").with(signedIn("MANAGER")))).isIn(400, 404);
		assertThat(status(get("/listings/" + "a".repeat(101)).with(signedIn("MANAGER")))).isEqualTo(404);
	}

	@Test
	void theOrganisationsAddressLeadsManagersToItsMembersAndMembersToItsStatement() throws Exception {
		assertThat(redirect(signedIn("MANAGER"))).isEqualTo("/organisation/membres");
		assertThat(redirect(signedIn("MEMBER"))).isEqualTo("/organisation/releve");
		assertThat(redirect(signedIn("ADMIN"))).isEqualTo("/admin/organisations");
		assertThat(this.mvc.perform(get("/organisation")).andReturn().getResponse().getRedirectedUrl())
			.endsWith(WebSecurity.SIGN_IN);
	}

	@Test
	void aBookingsAddressShowsTheBorrowerTheBookingAndTheWayToItsEntry() throws Exception {
		String page = spaces(body(get("/bookings/booking-1").with(signedIn("MEMBER"))));
		assertThat(page).contains("<h1>Réservation</h1>").contains("Salle communautaire du Phare")
			.contains("Demandée, en attente de réponse").contains("6 mai 2031, 14:00 – 16:00")
			.contains("Centre communautaire Le Phare").contains("Coopérative La Ruche").contains("Assemblée générale")
			.contains("Votre organisation a demandé cette réservation.")
			.contains("href=\"/reservations?vue=pending#booking-booking-1\"")
			.contains("Voir cette réservation parmi celles de mon organisation")
			.contains("href=\"/conversations/booking:booking-1\"");
		assertThat(spaces(body(get("/bookings/booking-1?lang=en").with(signedIn("MEMBER")))))
			.contains("<h1>Booking</h1>").contains("Le Phare community hall")
			.contains("Your organisation requested this booking.")
			.contains("See this booking among my organisation’s bookings")
			.contains("Write to the other organisation");
		// the entry the link leads to
		assertThat(body(get("/reservations?vue=pending").with(signedIn("MEMBER"))))
			.contains("id=\"booking-booking-1\"");
	}

	@Test
	void theBorrowersWayLeadsToTheListWhereBookingShowsTheBooking() throws Exception {
		assertThat(borrowersWay(Map.of("status", "CONFIRMED"))).isEqualTo("/reservations?vue=upcoming#booking-booking-1");
		assertThat(borrowersWay(Map.of("status", "COMPLETED", "end", "2026-01-10T20:00:00Z")))
			.isEqualTo("/reservations?vue=past#booking-booking-1");
		assertThat(borrowersWay(Map.of("status", "CANCELLED", "end", "2026-01-10T20:00:00Z")))
			.isEqualTo("/reservations?vue=past#booking-booking-1");
		// a booking cancelled before its time is in none of the lists: its page says all there is
		assertThat(borrowersWay(Map.of("status", "CANCELLED", "reason", "Salle fermée"))).isNull();
		String cancelled = body(get("/bookings/booking-1").with(signedIn("MEMBER")));
		assertThat(cancelled).contains("Annulée").contains("Salle fermée").doesNotContain("id=\"lien-liste\"");
	}

	@Test
	void aBookingsAddressShowsTheOwnersManagersTheWayToAnswerTheRequest() throws Exception {
		Map<String, Object> ours = booking(Map.of("ownerOrganisationId", LA_RUCHE, "ownerOrganisationName",
				"Coopérative La Ruche", "borrowerOrganisationId", LE_PHARE, "borrowerOrganisationName",
				"Centre communautaire Le Phare"));
		given(this.services.get(Service.BOOKING, "/api/bookings/booking-1")).willReturn(ours);
		String manager = body(get("/bookings/booking-1").with(signedIn("MANAGER")));
		assertThat(manager).contains("Cette réservation porte sur une annonce de votre organisation.")
			.contains("href=\"/demandes#booking-booking-1\"").contains("Répondre à cette demande");
		assertThat(body(get("/demandes").with(signedIn("MANAGER")))).contains("id=\"booking-booking-1\"");
		// a member of the owner sees the booking; answering is for its managers
		String member = body(get("/bookings/booking-1?lang=en").with(signedIn("MEMBER")));
		assertThat(member).contains("This booking is for one of your organisation’s listings.")
			.contains("A manager of your organisation answers this request.").doesNotContain("/demandes");
	}

	@Test
	void anUnknownOrAnotherOrganisationsBookingIsTheNotFoundOrAccessRefusedPage() throws Exception {
		given(this.services.get(Service.BOOKING, "/api/bookings/booking-9"))
			.willThrow(new ServiceRefusal(HttpStatus.NOT_FOUND, "booking-not-found", "Réservation introuvable", Map.of()));
		given(this.services.get(Service.BOOKING, "/api/bookings/booking-8"))
			.willThrow(new ServiceRefusal(HttpStatus.FORBIDDEN, "forbidden", "Accès refusé", Map.of()));
		assertThat(status(get("/bookings/booking-9").with(signedIn("MEMBER")))).isEqualTo(404);
		assertThat(status(get("/bookings/booking-8").with(signedIn("MEMBER")))).isEqualTo(403);
	}

	@Test
	void aMalformedBookingIdReachesNoServiceAndIsTheNotFoundPage() throws Exception {
		assertThat(status(get(URI.create("/bookings/pas%20un%20id")).with(signedIn("MEMBER")))).isEqualTo(404);
		assertThat(status(get("/bookings/booking-1;x").with(signedIn("MEMBER")))).isIn(400, 404);
		assertThat(status(get("/bookings/..%2F..%2Fadmin").with(signedIn("MEMBER")))).isIn(400, 404);
		assertThat(status(get("/bookings/" + "b".repeat(101)).with(signedIn("MEMBER")))).isEqualTo(404);
		assertThat(this.mvc.perform(get("/bookings/booking-1")).andReturn().getResponse().getRedirectedUrl())
			.endsWith(WebSecurity.SIGN_IN);
		verify(this.services, never()).get(eq(Service.BOOKING), anyString());
	}

	private String borrowersWay(Map<String, Object> changes) throws Exception {
		given(this.services.get(Service.BOOKING, "/api/bookings/booking-1")).willReturn(booking(changes));
		MockHttpServletResponse response = this.mvc.perform(get("/bookings/booking-1").with(signedIn("MEMBER")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"([^\"]*)\" id=\"lien-liste\"")
			.matcher(response.getContentAsString(StandardCharsets.UTF_8));
		return link.find() ? link.group(1) : null;
	}

	private Map<String, Object> booking(Map<String, Object> changes) throws Exception {
		Map<String, Object> booking = new LinkedHashMap<>(object("booking"));
		booking.putAll(changes);
		return booking;
	}

	private String redirect(RequestPostProcessor person) throws Exception {
		return this.mvc.perform(get("/organisation").with(person)).andReturn().getResponse().getRedirectedUrl();
	}

	private int status(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private String body(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** Java writes French dates with no-break spaces; the assertions read them as spaces. */
	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
