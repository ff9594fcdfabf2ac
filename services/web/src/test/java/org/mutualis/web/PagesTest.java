package org.mutualis.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Every page type renders from the services' answers, in French and English, with localised amounts and times. */
class PagesTest extends PageTestSupport {

	@Test
	void searchShowsFacetsWithCountsAndAmountsInQuebecFrench() throws Exception {
		String page = spaces(body(get("/recherche?q=salle")));
		assertThat(page).contains("Espace (1)").contains("Salles").contains("Roussillon")
			.contains("Salle communautaire du Phare").contains("1 234,50 $ par heure").contains("Gratuit")
			.contains("src=\"/annonces/listing-1/photos/photo-1?size=thumbnail\"");
		assertThat(spaces(body(get("/recherche?q=salle&lang=en")))).contains("$1,234.50 per hour")
			.contains("Le Phare community hall");
	}

	@Test
	void searchWithDatesKeepsOnlyWhatBookingSaysIsFree() throws Exception {
		String page = body(get("/recherche?q=salle&from=2026-12-01T09:00&to=2026-12-01T11:00&quantity=1"));
		assertThat(page).contains("Salle communautaire du Phare").doesNotContain("Camionnette")
			.contains("Seules les ressources libres");
		verify(this.services).exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/availability"),
				eq(Map.of("listingIds", java.util.List.of("listing-1", "listing-2"), "quantity", 1, "start",
						"2026-12-01T14:00:00Z", "end", "2026-12-01T16:00:00Z")),
				any());
	}

	@Test
	void searchSaysWhenTheDatesAreBackwards() throws Exception {
		assertThat(body(get("/recherche?from=2026-12-01T11:00&to=2026-12-01T09:00")))
			.contains("La fin doit venir après le début").contains("Camionnette");
	}

	@Test
	void listingPageShowsTheWeekInWordsWith24HourTimes() throws Exception {
		String page = spaces(body(get("/annonces/listing-1?semaine=2026-11-30")));
		assertThat(page).contains("Salle communautaire du Phare").contains("Une grande salle lumineuse.")
			.contains("Laisser la salle propre").contains("1 234,50 $ par heure").contains("Châteauguay")
			.contains("Semaine du 30 novembre 2026").contains("09:00 – 11:00").contains("complet")
			.contains("11:00 – 17:00").contains("libre").contains("fermé")
			.contains("alt=\"Photo 1 : Salle communautaire du Phare\"");
		assertThat(spaces(body(get("/annonces/listing-1?semaine=2026-11-30&lang=en")))).contains("Week of November 30, 2026")
			.contains("11:00 a.m. – 5:00 p.m.").contains("fully booked").contains("Leave the hall clean");
	}

	@Test
	void aVisitorIsAskedToSignInWhereBookingShowsAvailabilityToMembersOnly() throws Exception {
		ServiceRefusal unauthenticated = new ServiceRefusal(HttpStatus.UNAUTHORIZED, "unauthenticated", "Connexion requise",
				Map.of());
		given(this.services.get(eq(Service.BOOKING), org.mockito.ArgumentMatchers.startsWith("/api/bookings/listings/")))
			.willThrow(unauthenticated);
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/availability"), any(),
				any()))
			.willThrow(unauthenticated);
		assertThat(body(get("/annonces/listing-1"))).contains("Connectez-vous pour voir les disponibilités")
			.doesNotContain("Connexion requise");
		assertThat(body(get("/recherche?from=2026-12-01T09:00&to=2026-12-01T11:00")))
			.contains("Connectez-vous pour chercher par dates").contains("Camionnette");
	}

	@Test
	void listingPageHasAMonthView() throws Exception {
		assertThat(body(get("/annonces/listing-1?mois=2026-11"))).contains("novembre 2026").contains("partiellement réservé");
	}

	@Test
	void unknownListingIsTheNotFoundStatus() throws Exception {
		given(this.services.get(Service.LISTINGS, "/api/listings/nope"))
			.willThrow(new ServiceRefusal(HttpStatus.NOT_FOUND, "listing-not-found", "Annonce introuvable", Map.of()));
		assertThat(this.mvc.perform(get("/annonces/nope")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/annonces/..%2Fadmin")).andReturn().getResponse().getStatus()).isIn(400, 404);
	}

	@Test
	void bookingRefusalIsShownBesideItsFieldInThePersonsLanguage() throws Exception {
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings"), any(), any(),
				anyMap()))
			.willThrow(new ServiceRefusal(HttpStatus.UNPROCESSABLE_CONTENT, "prerequisites-not-accepted",
					"Acceptez les conditions de la ressource.",
					Map.of("acceptPrerequisites", "Les conditions doivent être acceptées.")));
		String page = body(post("/annonces/listing-1/reserver").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T14:00").param("end", "2026-12-01T16:00").param("quantity", "1")
			.param("message", "Assemblée").param("key", "0b8f6a1e-2c1d-4a5e-9f00-000000000001"));
		assertThat(page).contains("Acceptez les conditions de la ressource.")
			.contains("aria-describedby=\"acceptPrerequisites-erreur\"")
			.contains("id=\"acceptPrerequisites-erreur\"").contains("Les conditions doivent être acceptées.")
			.contains("value=\"2026-12-01T14:00\"").contains("Assemblée")
			// the summary names the field by its label, not by the service's path
			.contains("<li>Conditions : Les conditions doivent être acceptées.</li>")
			.doesNotContain("acceptPrerequisites :");
	}

	@Test
	void bookingSendsLocalTimesOfTheListingsZoneAndAnIdempotencyKey() throws Exception {
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings"), any(), any(),
				anyMap()))
			.willReturn(ResponseEntity.ok(Map.of("id", "booking-1", "status", "REQUESTED")));
		String location = this.mvc.perform(post("/annonces/listing-1/reserver").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T14:00").param("end", "2026-12-01T16:00").param("quantity", "2")
			.param("acceptPrerequisites", "on").param("message", "")
			.param("key", "0b8f6a1e-2c1d-4a5e-9f00-000000000001")).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/reservations?vue=pending");
		verify(this.services).exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings"),
				eq(Map.of("listingId", "listing-1", "start", "2026-12-01T19:00:00Z", "end", "2026-12-01T21:00:00Z",
						"quantity", 2, "acceptPrerequisites", true)),
				eq(null), eq(Map.of("Idempotency-Key", "0b8f6a1e-2c1d-4a5e-9f00-000000000001")));
	}

	@Test
	void bookingsAndIncomingRequestsShowTimesNamesAndActions() throws Exception {
		String mine = spaces(body(get("/reservations?vue=pending").with(signedIn("MEMBER"))));
		assertThat(mine).contains("1 décembre 2026, 14:00 – 16:00").contains("Centre communautaire Le Phare")
			.contains("Demandée, en attente de réponse").contains("Annuler la réservation");
		String incoming = body(get("/demandes").with(signedIn("MANAGER")));
		assertThat(incoming).contains("Confirmer").contains("Raison du refus").contains("Proposer un autre horaire");
	}

	@Test
	void managerPagesListAndEditTheOrganisationsListings() throws Exception {
		assertThat(body(get("/mes-annonces").with(signedIn("MANAGER")))).contains("Salle communautaire du Phare")
			.contains("Publiée").contains("Archiver");
		String form = body(get("/mes-annonces/listing-1/modifier").with(signedIn("MANAGER")));
		assertThat(form).contains("value=\"Salle communautaire du Phare\"").contains("name=\"version\" value=\"3\"")
			.contains("name=\"started.title.fr\"").contains("enctype=\"multipart/form-data\"");
	}

	@Test
	void staleEditSaysPlainlyThatSomeoneElseChangedTheListingAndWhat() throws Exception {
		given(this.services.exchange(eq(Service.LISTINGS), eq(HttpMethod.PUT), eq("/api/listings/listing-1"), any(),
				eq(2L)))
			.willThrow(new ServiceRefusal(HttpStatus.CONFLICT, "stale-version",
					"L’annonce a été modifiée entre-temps.", Map.of()));
		String page = body(post("/mes-annonces/listing-1").with(signedIn("MANAGER")).with(csrf())
			.param("version", "2").param("title.fr", "Ma salle").param("started.title.fr", "Ancien titre")
			.param("started.description.fr", "Une grande salle lumineuse."));
		assertThat(page).contains("Quelqu’un d’autre a enregistré cette annonce").contains("Titre en français")
			.contains("value=\"Ma salle\"").contains("name=\"version\" value=\"3\"");
	}

	@Test
	void administratorPagesShowTheQueues() throws Exception {
		assertThat(body(get("/admin/organisations").with(signedIn("ADMIN")))).contains("Atelier vélo Roussillon")
			.contains("Approuver").contains("administrateur·rice de la plateforme");
		assertThat(body(get("/admin/moderation").with(signedIn("ADMIN")).param("lang", "en")))
			.contains("Le Phare community hall").contains("Publish").contains("Listings to review");
	}

	@Test
	void aServicesRefusalOfAnAdministratorsActIsShownOnThePage() throws Exception {
		given(this.services.exchange(eq(Service.LISTINGS), eq(HttpMethod.POST), eq("/api/listings/listing-1/reject"),
				any(), any()))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "invalid-field", "La raison est requise.",
					Map.of("reason", "obligatoire")));
		var result = this.mvc.perform(post("/admin/moderation/listing-1/reject").with(signedIn("ADMIN")).with(csrf())
			.param("reason", " ").param("version", "3")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/moderation");
		Map<String, Object> flash = result.getFlashMap();
		assertThat(flash).containsEntry("refusal", "La raison est requise.").containsEntry("failed", "listing-1");
	}

	private String body(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	/** Java writes French amounts with no-break spaces; the assertions read them as spaces. */
	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
