package org.mutualis.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The visitor and member pages of issue 11's later phase from recorded service answers: registration (identity's
 * refusal beside its field), profile (which also switches web's language), inbox with the live badge's source,
 * preferences, conversations, a weekly series with its skipped dates, the waiting list and the calendar feed.
 */
class MemberPagesTest extends PageTestSupport {

	@Test
	void registrationSendsTheOrganisationAndItsManagerInThePersonsLanguageThenSaysToCheckTheEmail() throws Exception {
		given(this.services.exchange(eq(Service.IDENTITY), eq(HttpMethod.POST), eq("/api/identity/organisations"), any(),
				any()))
			.willReturn(ResponseEntity.accepted().body(Map.of("managerEmail", "camille@atelier.example")));
		MvcResult result = this.mvc.perform(post("/inscription?lang=en").with(csrf())
			.param("name", "Atelier vélo").param("legalForm", "NON_PROFIT").param("sector", "Mobilité")
			.param("mrc", "Roussillon").param("municipality", "Candiac").param("contactEmail", "info@atelier.example")
			.param("manager.displayName", "Camille").param("manager.email", "camille@atelier.example")
			.param("manager.password", "Une-phrase-de-passe-2026")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/inscription/envoyee");
		verify(this.services).exchange(eq(Service.IDENTITY), eq(HttpMethod.POST), eq("/api/identity/organisations"),
				eq(Map.of("name", "Atelier vélo", "legalForm", "NON_PROFIT", "sector", "Mobilité", "mrc", "Roussillon",
						"municipality", "Candiac", "contactEmail", "info@atelier.example", "preferredLanguage", "en",
						"manager", Map.of("email", "camille@atelier.example", "displayName", "Camille", "password",
								"Une-phrase-de-passe-2026", "preferredLanguage", "en"))),
				any());
		assertThat(body(get("/inscription/envoyee").flashAttr("managerEmail", "camille@atelier.example")))
			.contains("Vérifiez vos courriels").contains("camille@atelier.example");
	}

	@Test
	void aRefusedRegistrationShowsTheMessageBesideItsFieldAndForgetsThePassword() throws Exception {
		given(this.services.exchange(eq(Service.IDENTITY), eq(HttpMethod.POST), eq("/api/identity/organisations"), any(),
				any()))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "password-too-weak", "Mot de passe trop faible.",
					Map.of("manager.password", "Choisissez au moins 12 caractères.")));
		String page = body(post("/inscription").with(csrf()).param("name", "Atelier vélo")
			.param("manager.password", "court"));
		assertThat(page).contains("id=\"manager-password-erreur\"").contains("Choisissez au moins 12 caractères.")
			.contains("aria-describedby=\"manager-password-erreur\"").contains("value=\"Atelier vélo\"")
			.doesNotContain("value=\"court\"").contains("<option value=\"Roussillon\"");
	}

	@Test
	void forgottenPasswordGoesToIdentitysPageInThePersonsLanguage() throws Exception {
		assertThat(this.mvc.perform(get("/mot-de-passe-oublie?lang=en")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/auth/forgot-password?lang=en");
		assertThat(this.mvc.perform(get("/mot-de-passe-oublie")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/auth/forgot-password?lang=fr");
	}

	@Test
	void changingTheProfilesLanguageAlsoSwitchesWebsLanguage() throws Exception {
		given(this.services.get(Service.IDENTITY, "/api/identity/me"))
			.willReturn(Map.of("displayName", "Gestion La Ruche", "preferredLanguage", "fr", "email", "g@laruche.demo"));
		assertThat(body(get("/profil").with(signedIn("MEMBER")))).contains("value=\"Gestion La Ruche\"")
			.contains("g@laruche.demo");
		MvcResult result = this.mvc.perform(post("/profil").with(signedIn("MEMBER")).with(csrf())
			.param("displayName", " Camille T. ").param("language", "en")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/profil");
		assertThat(result.getResponse().getCookie("mutualis-lang").getValue()).isEqualTo("en");
		verify(this.services).exchange(Service.IDENTITY, HttpMethod.PUT, "/api/identity/me",
				Map.of("displayName", "Camille T.", "language", "en"), null);
	}

	@Test
	void anUnknownOrMissingLanguageIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
		MvcResult german = this.mvc.perform(post("/profil").with(signedIn("MEMBER")).with(csrf())
			.param("displayName", "Camille T.").param("language", "de")).andReturn();
		assertThat(german.getResponse().getStatus()).isEqualTo(200);
		assertThat(german.getResponse().getCookie("mutualis-lang")).isNull();
		assertThat(german.getResponse().getContentAsString()).contains("id=\"language-erreur\"")
			.contains("Choisissez le français ou l’anglais.")
			.contains("aria-describedby=\"language-erreur\"").contains("aria-invalid=\"true\"")
			.contains("value=\"Camille T.\"")
			.doesNotContain("Votre profil est enregistré.");
		assertThat(body(post("/profil").with(signedIn("MEMBER")).with(csrf()).param("displayName", "Camille T.")))
			.contains("id=\"language-erreur\"").contains("Choisissez le français ou l’anglais.");
		assertThat(body(post("/profil?lang=en").with(signedIn("MEMBER")).with(csrf()).param("displayName", "Camille T.")
			.param("language", "EN "))).contains("id=\"language-erreur\"").contains("Choose French or English.");
		verify(this.services, org.mockito.Mockito.never()).exchange(eq(Service.IDENTITY), eq(HttpMethod.PUT),
				eq("/api/identity/me"), any(), any());
		// identity's own refusal of the language is shown beside the same field
		given(this.services.exchange(eq(Service.IDENTITY), eq(HttpMethod.PUT), eq("/api/identity/me"), any(), any()))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "invalid-field", "Champ invalide.",
					Map.of("preferredLanguage", "Langue inconnue.")));
		assertThat(body(post("/profil").with(signedIn("MEMBER")).with(csrf()).param("displayName", "Camille T.")
			.param("language", "fr"))).contains("<span class=\"field-error\" id=\"language-erreur\">Langue inconnue.</span>");
	}

	@Test
	void aPagePastTheEndOfTheInboxSaysSoAndLeadsBackToTheFirstPage() throws Exception {
		given(this.services.get(Service.NOTIFICATIONS, "/api/notifications/inbox?size=20&page=1000"))
			.willReturn(Map.of("items", List.of(), "page", 1000, "size", 20, "total", 14, "unread", 9));
		String page = body(get("/notifications?page=999999").with(signedIn("MEMBER")));
		assertThat(page).contains("14 notifications, 9 non lues.").contains("Cette page est vide.")
			.contains("href=\"/notifications\">Revenir à la première page</a>")
			.doesNotContain("Aucune notification pour l’instant.").doesNotContain("Plus récentes");
		assertThat(body(get("/notifications?page=999999&lang=en").with(signedIn("MEMBER"))))
			.contains("14 notifications, 9 unread.").contains("This page is empty.").contains("Back to the first page")
			.doesNotContain("No notifications yet.");
		// an inbox with nothing in it still says so
		given(this.services.get(Service.NOTIFICATIONS, "/api/notifications/inbox?size=20&page=0"))
			.willReturn(Map.of("items", List.of(), "page", 0, "size", 20, "total", 0, "unread", 0));
		assertThat(body(get("/notifications").with(signedIn("MEMBER")))).contains("Aucune notification pour l’instant.")
			.doesNotContain("Cette page est vide.");
	}

	@Test
	void inboxShowsUnreadFirstWithCountsAndTheLiveBadgeIsWiredToTheRelay() throws Exception {
		String page = body(get("/notifications").with(signedIn("MEMBER")));
		assertThat(page).contains("2 notifications, 1 non lue.").contains("Votre réservation est confirmée")
			.contains("Marquer comme lue").contains("action=\"/notifications/n-2/lue\"")
			.doesNotContain("action=\"/notifications/n-1/lue\"")
			.contains("sse-connect=\"/notifications/flux\"").contains("sse-swap=\"unread\"")
			.containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js").containsPattern("/webjars/htmx-ext-sse/[0-9.]+/sse.js")
			.doesNotContain("<style").doesNotContain("style=");
	}

	@Test
	void theHeaderLinksEachRolesPages() throws Exception {
		assertThat(body(get("/notifications").with(signedIn("MEMBER")))).contains("href=\"/conversations\"")
			.contains("href=\"/profil\"").doesNotContain("href=\"/organisation/membres\"")
			.doesNotContain("href=\"/inscription\"");
		assertThat(body(get("/notifications").with(signedIn("MANAGER")))).contains("href=\"/organisation/membres\"")
			.contains("href=\"/organisation/releve\"").doesNotContain("href=\"/admin/impact\"")
			.doesNotContain("href=\"/admin/administrateurs\"");
		assertThat(body(get("/notifications").with(signedIn("ADMIN")))).contains("href=\"/admin/lettres-mortes\"")
			.contains("href=\"/admin/impact\"").contains("href=\"/admin/administrateurs\"");
		assertThat(body(get("/"))).contains("href=\"/inscription\"").contains("href=\"/mot-de-passe-oublie\"")
			.doesNotContain("sse-connect");
	}

	@Test
	void preferencesSendEveryCategoryWithInAppAlwaysOn() throws Exception {
		String page = body(get("/notifications/preferences").with(signedIn("MEMBER")));
		assertThat(page).contains("id=\"courriel-BOOKINGS\" name=\"email-BOOKINGS\" checked")
			.doesNotContain("id=\"courriel-REMINDERS\" name=\"email-REMINDERS\" checked");
		this.mvc.perform(post("/notifications/preferences").with(signedIn("MEMBER")).with(csrf())
			.param("email-BOOKINGS", "on").param("dailyDigest", "on"));
		Map<String, Object> off = Map.of("inApp", true, "email", false);
		Map<String, Object> on = Map.of("inApp", true, "email", true);
		verify(this.services).exchange(Service.NOTIFICATIONS, HttpMethod.PUT, "/api/notifications/preferences",
				Map.of("categories", Map.of("BOOKINGS", on, "REMINDERS", off, "LISTINGS", off, "ORGANISATION", off,
						"CONVERSATIONS", off), "dailyDigest", true),
				null);
	}

	@Test
	void aConversationShowsWhoWroteEscapesTheirTextAndPostsAboutTheBooking() throws Exception {
		assertThat(body(get("/conversations").with(signedIn("MEMBER")))).contains("Salle polyvalente")
			.contains("2 messages non lus").contains("href=\"/conversations/booking%3Abooking-1\"");
		String thread = body(get("/conversations/booking:booking-1").with(signedIn("MEMBER")));
		assertThat(thread).contains("Mon organisation").contains("L’autre organisation")
			.contains("&lt;b&gt;Bienvenue&lt;/b&gt;").doesNotContain("<b>Bienvenue</b>")
			.contains("rel=\"nofollow noopener\"");
		MvcResult sent = this.mvc.perform(post("/conversations/booking:booking-1/messages").with(signedIn("MEMBER"))
			.with(csrf()).param("text", "Merci!")).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/conversations/booking%3Abooking-1");
		verify(this.services).exchange(Service.NOTIFICATIONS, HttpMethod.POST,
				"/api/notifications/conversations/bookings/booking-1/messages", Map.of("text", "Merci!"), null);
	}

	@Test
	void anUnopenedBookingThreadIsEmptyAndARefusedMessageIsShownBesideTheField() throws Exception {
		given(this.services.get(Service.NOTIFICATIONS, "/api/notifications/conversations/booking%3Abooking-2"))
			.willThrow(new ServiceRefusal(HttpStatus.NOT_FOUND, "conversation-not-found", "Introuvable", Map.of()));
		assertThat(body(get("/conversations/booking:booking-2").with(signedIn("MEMBER"))))
			.contains("Aucun message encore");
		given(this.services.exchange(eq(Service.NOTIFICATIONS), eq(HttpMethod.POST), any(), any(), any()))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "invalid-field", "Le message est vide.",
					Map.of("text", "Écrivez de 1 à 2000 caractères.")));
		assertThat(body(post("/conversations/booking:booking-2/messages").with(signedIn("MEMBER")).with(csrf())
			.param("text", ""))).contains("id=\"text-erreur\"").contains("Écrivez de 1 à 2000 caractères.");
	}

	@Test
	void aSeriesPreviewShowsTheDatesBookingWouldSkipThenTheAnswerSaysWhatWasBooked() throws Exception {
		// a week from now (the listing asks 24 hours' notice and takes bookings up to 180 days ahead)
		java.time.ZoneId zone = java.time.ZoneId.of("America/Toronto");
		java.time.LocalDateTime first = java.time.LocalDateTime.now(zone).plusDays(7).withHour(10).withMinute(0)
			.withSecond(0).withNano(0);
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/availability"),
				eq(Map.of("listingIds", List.of("listing-1"), "quantity", 1, "start",
						first.plusWeeks(1).atZone(zone).toInstant().toString(), "end",
						first.plusWeeks(1).plusHours(2).atZone(zone).toInstant().toString())),
				any()))
			.willReturn(ResponseEntity.ok(Map.of("available", List.of(), "unavailable", Map.of("listing-1", "FULL"))));
		String preview = spaces(body(post("/annonces/listing-1/serie").with(signedIn("MEMBER")).with(csrf())
			.param("start", first.toString()).param("end", first.plusHours(2).toString()).param("quantity", "1")
			.param("everyWeeks", "1").param("occurrences", "3").param("action", "apercu")));
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
				java.util.Locale.CANADA_FRENCH);
		assertThat(preview).contains("3 dates, dont 1 qui serait sautée.").contains(first.format(day))
			.contains("Sautée : complet").contains(first.plusWeeks(2).format(day)).contains("Confirmer la série");
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/series"), any(),
				any(), anyMap()))
			.willReturn(ResponseEntity.status(201).body(Map.of("seriesId", "s-1", "booked",
					List.of(Map.of("localStart", "2026-12-01T10:00", "localEnd", "2026-12-01T12:00", "status",
							"REQUESTED")),
					"skipped", List.of(Map.of("start", "2026-12-08T15:00:00Z", "end", "2026-12-08T17:00:00Z",
							"problem", "slot-unavailable")))));
		String done = spaces(body(post("/annonces/listing-1/serie").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T10:00").param("end", "2026-12-01T12:00").param("quantity", "1")
			.param("everyWeeks", "1").param("occurrences", "2").param("action", "confirmer")));
		assertThat(done).contains("1 date demandée, 1 sautée").contains("8 décembre 2026, 10:00").contains("complet");
	}

	@Test
	void aFullSlotOffersTheWaitingListAndMyBookingsShowTheOfferAndTheFeed() throws Exception {
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings"), any(), any(),
				anyMap()))
			.willThrow(new ServiceRefusal(HttpStatus.CONFLICT, "slot-unavailable", "Ce créneau est déjà pris.", Map.of()));
		String refused = body(post("/annonces/listing-1/reserver").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T09:00").param("end", "2026-12-01T11:00").param("quantity", "1")
			.param("key", "").param("message", "").param("acceptPrerequisites", "on"));
		assertThat(refused).contains("action=\"/annonces/listing-1/liste-attente\"")
			.contains("M’inscrire à la liste d’attente");
		this.mvc.perform(post("/annonces/listing-1/liste-attente").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T09:00").param("end", "2026-12-01T11:00").param("quantity", "1")
			.param("acceptPrerequisites", "on"));
		verify(this.services).exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/waitlist",
				Map.of("listingId", "listing-1", "start", "2026-12-01T14:00:00Z", "end", "2026-12-01T16:00:00Z",
						"quantity", 1, "acceptPrerequisites", true),
				null);
		String bookings = body(get("/reservations").with(signedIn("MANAGER")));
		assertThat(bookings).contains("Une place vous est offerte").contains("/reservations/booking-9/accepter-offre")
			.contains("Créer l’adresse de l’agenda");
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/calendar/feeds"), any(),
				any()))
			.willReturn(ResponseEntity.status(201).body(Map.of("path", "/api/bookings/calendar/feeds/abc.ics")));
		MvcResult feed = this.mvc.perform(post("/reservations/agenda").with(signedIn("MANAGER")).with(csrf()))
			.andReturn();
		assertThat(feed.getFlashMap().get("feedUrl")).isEqualTo("http://localhost/api/bookings/calendar/feeds/abc.ics");
	}

	@Test
	void aBookingOfASeriesCancelsTheWholeSeriesOrThisDateAndTheFollowingOnesWithAReason() throws Exception {
		given(this.services.get(eq(Service.BOOKING), org.mockito.ArgumentMatchers.startsWith("/api/bookings?")))
			.willReturn(object("series-bookings"));
		String page = spaces(body(get("/reservations").with(signedIn("MEMBER"))));
		assertThat(page).contains("Annuler la série")
			.contains("action=\"/reservations/serie/series-1/annuler\"")
			.contains("name=\"from\" value=\"2026-12-01T19:00:00Z\"")
			.contains("Cette date (1 décembre 2026, 14:00) et les suivantes");
		assertThat(spaces(body(get("/reservations?lang=en").with(signedIn("MEMBER")))))
			.contains("Cancel the series").contains("This date (December 1, 2026");
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/series/series-1/cancel"),
				any(), isNull()))
			.willReturn(ResponseEntity.ok(Map.of("seriesId", "series-1", "booked", List.of(Map.of(), Map.of(), Map.of()),
					"skipped", List.of(Map.of()))));
		MvcResult following = this.mvc.perform(post("/reservations/serie/series-1/annuler").with(signedIn("MEMBER"))
			.with(csrf())
			.param("booking", "booking-1")
			.param("portee", "suivantes")
			.param("from", "2026-12-01T19:00:00Z")
			.param("reason", " Local fermé "))
			.andReturn();
		verify(this.services).exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/series/series-1/cancel",
				Map.of("reason", "Local fermé", "from", "2026-12-01T19:00:00Z"), null);
		assertThat(spaces(body(get("/reservations").with(signedIn("MEMBER")).flashAttrs(following.getFlashMap()))))
			.contains("Série annulée : 3 dates annulées; 1 gardée (déjà commencée ou terminée).");
		this.mvc.perform(post("/reservations/serie/series-1/annuler").with(signedIn("MEMBER")).with(csrf())
			.param("booking", "booking-1")
			.param("portee", "toute")
			.param("from", "2026-12-01T19:00:00Z")
			.param("reason", "Fin du projet"));
		verify(this.services).exchange(Service.BOOKING, HttpMethod.POST, "/api/bookings/series/series-1/cancel",
				Map.of("reason", "Fin du projet"), null);
	}

	@Test
	void aSeriesCancellationFromAnotherThingThanTheOccurrencesStartIsABadRequest() throws Exception {
		assertThat(this.mvc.perform(post("/reservations/serie/series-1/annuler").with(signedIn("MEMBER")).with(csrf())
			.param("booking", "booking-1").param("portee", "suivantes").param("from", "demain").param("reason", "x"))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
		verify(this.services, org.mockito.Mockito.never()).exchange(eq(Service.BOOKING), eq(HttpMethod.POST),
				eq("/api/bookings/series/series-1/cancel"), any(), any());
	}

	private String body(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
