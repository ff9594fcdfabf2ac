package org.mutualis.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The manager's and administrator's pages of issue 11 (availability editor and blocked hours, members and
 * invitations, ledger statement and its CSV, dead letters, impact dashboard) from recorded service answers.
 */
class ManagerPagesTest extends PageTestSupport {

	private static final String BLOCKS = "/api/bookings/listings/listing-1/blocks";

	/** The manager pages and the forms they post (photos apart: a multipart form, in the authorization matrix). */
	private static final List<String> MANAGER_PAGES = List.of("GET /mes-annonces", "GET /mes-annonces/nouvelle",
			"GET /mes-annonces/listing-1/modifier", "GET /mes-annonces/listing-1/disponibilites", "GET /demandes",
			"GET /organisation/membres", "POST /mes-annonces", "POST /mes-annonces/listing-1",
			"POST /mes-annonces/listing-1/soumettre", "POST /mes-annonces/listing-1/archiver",
			"POST /mes-annonces/listing-1/disponibilites", "POST /mes-annonces/listing-1/blocages",
			"POST /mes-annonces/listing-1/blocages/block-1/lever", "POST /demandes/booking-1/confirmer",
			"POST /demandes/booking-1/refuser", "POST /demandes/booking-1/proposer", "POST /organisation/invitations",
			"POST /organisation/invitations/invitation-1/retirer", "POST /organisation/membres/person-2/role",
			"POST /organisation/membres/person-2/retirer", "POST /reservations/agenda");

	@BeforeEach
	void theManagersServicesAnswer() throws Exception {
		given(this.services.list(Service.BOOKING, BLOCKS)).willReturn(array("blocks"));
		given(this.services.list(Service.IDENTITY, "/api/identity/organisations/" + LA_RUCHE + "/members?size=100"))
			.willReturn(array("members"));
		given(this.services.list(Service.IDENTITY,
				"/api/identity/organisations/" + LA_RUCHE + "/invitations?size=100"))
			.willReturn(array("invitations"));
		given(this.services.get(Service.BOOKING, "/api/bookings/ledger/statements/2026-11"))
			.willReturn(object("statement"));
		given(this.services.get(eq(Service.BOOKING), org.mockito.ArgumentMatchers.startsWith("/api/bookings/impact?")))
			.willReturn(object("impact"));
		given(this.services.list(eq(Service.NOTIFICATIONS),
				org.mockito.ArgumentMatchers.startsWith("/api/notifications/admin/dead-letters?topic=mutualis.bookings.v1")))
			.willReturn(array("dead-letters"));
	}

	@Test
	void theAvailabilityEditorShowsEachWindowEachClosureAndTheBlockedHoursInTheListingsTime() throws Exception {
		String page = spaces(body(get("/mes-annonces/listing-1/disponibilites").with(signedIn("MANAGER"))));
		assertThat(page).contains("Heures d’ouverture chaque semaine").contains("value=\"09:00\"")
			.contains("value=\"21:00\"").contains("<option value=\"TUESDAY\" selected=\"selected\">mardi</option>")
			.contains("name=\"version\" value=\"3\"").contains("name=\"startedWeekly\" value=\"MONDAY 09:00-17:00 | TUESDAY 09:00-21:00\"")
			.contains("1 décembre 2026, 09:00 – 1 décembre 2026, 12:00").contains("Formation interne")
			.contains("action=\"/mes-annonces/listing-1/blocages/block-1/lever\"");
	}

	@Test
	void savingSendsEveryWindowAndClosureWithTheVersionTheManagerSawAndKeepsTheRestOfTheListing() throws Exception {
		given(this.services.exchange(eq(Service.LISTINGS), eq(HttpMethod.PUT), eq("/api/listings/listing-1"), any(),
				eq(3L)))
			.willReturn(ResponseEntity.ok(Map.of("id", "listing-1")));
		String location = this.mvc.perform(availability().param("version", "3")
			.param("day", "MONDAY", "MONDAY", "")
			.param("from", "09:00", "13:00", "")
			.param("to", "12:00", "17:00", "")
			.param("closedFrom", "2026-12-24", "")
			.param("closedTo", "2026-12-26", "")
			.param("closedReason", "Fêtes", "")).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/mes-annonces/listing-1/disponibilites");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
		verify(this.services).exchange(eq(Service.LISTINGS), eq(HttpMethod.PUT), eq("/api/listings/listing-1"),
				body.capture(), eq(3L));
		assertThat(body.getValue().get("availability")).isEqualTo(Map.of("weekly",
				List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "12:00"),
						Map.of("day", "MONDAY", "from", "13:00", "to", "17:00")),
				"blackouts", List.of(Map.of("from", "2026-12-24", "to", "2026-12-26", "reason", "Fêtes"))));
		assertThat(body.getValue()).containsEntry("title",
				Map.of("fr", "Salle communautaire du Phare", "en", "Le Phare community hall"))
			.containsKey("bookingPolicy").doesNotContainKeys("status", "version", "photos", "ownerOrganisationId");
	}

	@Test
	void aMalformedRowIsNamedBesideItsFieldAndNothingIsSent() throws Exception {
		String page = body(availability().param("version", "3").param("day", "MONDAY", "FUNDAY")
			.param("from", "9h", "10:00").param("to", "12:00", "11:00"));
		assertThat(page).contains("id=\"ouverture-0-erreur\"").contains("Écrivez une heure comme 09:00")
			.contains("aria-describedby=\"ouverture-0-erreur\"").contains("id=\"jour-1-erreur\"")
			.contains("Choisissez un jour de la semaine.").contains("value=\"9h\"");
		verify(this.services, never()).exchange(eq(Service.LISTINGS), eq(HttpMethod.PUT), anyString(), any(), any());
	}

	@Test
	void listingsRefusalOfAWindowLandsBesideThatRow() throws Exception {
		given(this.services.exchange(eq(Service.LISTINGS), eq(HttpMethod.PUT), eq("/api/listings/listing-1"), any(),
				eq(3L)))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "invalid-listing", "L’annonce est invalide.",
					Map.of("availability.weekly[1].to", "La fermeture doit suivre l’ouverture.")));
		String page = body(availability().param("version", "3").param("day", "MONDAY", "", "TUESDAY")
			.param("from", "09:00", "", "17:00").param("to", "12:00", "", "10:00"));
		// the blank middle row is not sent: the service's second window is the form's second filled row
		assertThat(page).contains("L’annonce est invalide.").contains("id=\"fermeture-1-erreur\"")
			.contains("La fermeture doit suivre l’ouverture.").contains("aria-describedby=\"fermeture-1-erreur\"");
	}

	@Test
	void aStaleSaveSaysSomeoneElseChangedTheListingShowsTheirHoursAndKeepsTheManagersValues() throws Exception {
		given(this.services.exchange(eq(Service.LISTINGS), eq(HttpMethod.PUT), eq("/api/listings/listing-1"), any(),
				eq(2L)))
			.willThrow(new ServiceRefusal(HttpStatus.CONFLICT, "stale-version", "La version a changé.", Map.of()));
		String page = spaces(body(availability().param("version", "2")
			.param("startedWeekly", "MONDAY 09:00-17:00").param("startedClosures", "")
			.param("day", "WEDNESDAY").param("from", "08:00").param("to", "12:00")));
		assertThat(page).contains("Quelqu’un d’autre a modifié cette annonce entre-temps.")
			.contains("Heures d’ouverture enregistrées par l’autre personne").contains("mardi 09:00 – 21:00")
			.doesNotContain("Fermetures enregistrées par l’autre personne")
			.contains("<option value=\"WEDNESDAY\" selected=\"selected\">mercredi</option>").contains("value=\"08:00\"")
			.contains("name=\"version\" value=\"3\"");
	}

	@Test
	void blockingHoursSendsTheInstantsOfTheListingsTimeZone() throws Exception {
		String location = this.mvc.perform(post("/mes-annonces/listing-1/blocages").with(signedIn("MANAGER"))
			.with(csrf()).param("start", "2026-12-01T09:00").param("end", "2026-12-01T12:00")
			.param("reason", "Formation")).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/mes-annonces/listing-1/disponibilites#blocages");
		verify(this.services).exchange(Service.BOOKING, HttpMethod.POST, BLOCKS,
				Map.of("start", "2026-12-01T14:00:00Z", "end", "2026-12-01T17:00:00Z", "reason", "Formation"), null);
	}

	@Test
	void aBlockWhereBookingsHoldTimeIsRefusedBesideItsStart() throws Exception {
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq(BLOCKS), any(), isNull()))
			.willThrow(new ServiceRefusal(HttpStatus.CONFLICT, "period-not-free",
					"Des réservations occupent déjà cette période.", Map.of()));
		String page = body(post("/mes-annonces/listing-1/blocages").with(signedIn("MANAGER")).with(csrf())
			.param("start", "2026-12-01T09:00").param("end", "2026-12-01T12:00").param("reason", "Formation"));
		assertThat(page).contains("id=\"bloc-debut-erreur\"").contains("Des réservations occupent déjà cette période.")
			.contains("value=\"2026-12-01T09:00\"").contains("value=\"Formation\"");
		String empty = body(post("/mes-annonces/listing-1/blocages").with(signedIn("MANAGER")).with(csrf())
			.param("start", "demain").param("end", "").param("reason", " "));
		assertThat(empty).contains("id=\"bloc-debut-erreur\"").contains("Écrivez une date et une heure")
			.contains("id=\"bloc-fin-erreur\"").contains("id=\"bloc-raison-erreur\"");
	}

	@Test
	void membersAreListedWithTheirRoleInWordsAndAnInvitationRefusalIsShownBesideTheAddress() throws Exception {
		assertThat(body(get("/organisation/membres").with(signedIn("MANAGER")))).contains("Membre La Ruche")
			.contains("membre@laruche.demo").contains("gestionnaire")
			.contains("action=\"/organisation/membres/person-2/role\"");
		given(this.services.exchange(eq(Service.IDENTITY), eq(HttpMethod.POST),
				eq("/api/identity/organisations/" + LA_RUCHE + "/invitations"), any(), isNull()))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "validation", "La demande est invalide.",
					Map.of("email", "Adresse courriel invalide.")));
		String page = body(post("/organisation/invitations").with(signedIn("MANAGER")).with(csrf())
			.param("email", "pas-une-adresse").param("role", "MANAGER"));
		assertThat(page).contains("id=\"invitation-email-erreur\"").contains("Adresse courriel invalide.")
			.contains("aria-describedby=\"invitation-email-erreur\"").contains("value=\"pas-une-adresse\"")
			.contains("<option value=\"MANAGER\" selected=\"selected\">");
	}

	@Test
	void aManagerInvitesChangesARoleAndRemovesAMemberThroughIdentity() throws Exception {
		this.mvc.perform(post("/organisation/invitations").with(signedIn("MANAGER")).with(csrf())
			.param("email", " nouveau@laruche.demo ").param("role", "MEMBER"));
		verify(this.services).exchange(Service.IDENTITY, HttpMethod.POST,
				"/api/identity/organisations/" + LA_RUCHE + "/invitations",
				Map.of("email", "nouveau@laruche.demo", "role", "MEMBER"), null);
		this.mvc.perform(post("/organisation/membres/person-2/role").with(signedIn("MANAGER")).with(csrf())
			.param("role", "MANAGER"));
		verify(this.services).exchange(Service.IDENTITY, HttpMethod.PUT,
				"/api/identity/organisations/" + LA_RUCHE + "/members/person-2/role", Map.of("role", "MANAGER"), null);
		given(this.services.exchange(eq(Service.IDENTITY), eq(HttpMethod.DELETE), anyString(), isNull(), isNull()))
			.willThrow(new ServiceRefusal(HttpStatus.UNPROCESSABLE_CONTENT, "last-manager",
					"L’organisation doit garder au moins un gestionnaire.", Map.of()));
		String location = this.mvc.perform(post("/organisation/membres/person-1/retirer").with(signedIn("MANAGER"))
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/organisation/membres");
		this.mvc.perform(post("/organisation/membres/person-2/role").with(signedIn("MANAGER")).with(csrf())
			.param("role", "ADMIN"));
		verify(this.services, never()).exchange(eq(Service.IDENTITY), eq(HttpMethod.PUT), anyString(),
				eq(Map.of("role", "ADMIN")), any());
	}

	@Test
	void pendingInvitationsAreShownWithTheirRoleAndDatesInThePersonsLanguageAndCanBeWithdrawn() throws Exception {
		String french = spaces(body(get("/organisation/membres").with(signedIn("MANAGER"))));
		assertThat(french).contains("Invitations en attente (1)").contains("nouvelle@laruche.demo")
			.contains("1 décembre 2026, 10:00").contains("8 décembre 2026, 10:00")
			.contains("Retirer l’invitation de nouvelle@laruche.demo")
			.contains("action=\"/organisation/invitations/invitation-1/retirer\"");
		assertThat(french.substring(french.indexOf("Invitations en attente (1)"))).contains("<td>gestionnaire</td>");
		assertThat(spaces(body(get("/organisation/membres?lang=en").with(signedIn("MANAGER")))))
			.contains("Pending invitations (1)").contains("December 1, 2026").contains("Withdraw the invitation");
		String location = this.mvc.perform(post("/organisation/invitations/invitation-1/retirer")
			.with(signedIn("MANAGER")).with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/organisation/membres");
		verify(this.services).exchange(Service.IDENTITY, HttpMethod.DELETE,
				"/api/identity/organisations/" + LA_RUCHE + "/invitations/invitation-1", null, null);
	}

	@Test
	void aWithdrawalRefusedBecauseTheInvitationWasAcceptedIsSaidOnItsRow() throws Exception {
		given(this.services.exchange(eq(Service.IDENTITY), eq(HttpMethod.DELETE), anyString(), isNull(), isNull()))
			.willThrow(new ServiceRefusal(HttpStatus.CONFLICT, "invitation-used",
					"Cette invitation a déjà été acceptée.", Map.of()));
		var flash = this.mvc.perform(post("/organisation/invitations/invitation-1/retirer").with(signedIn("MANAGER"))
			.with(csrf())).andReturn().getFlashMap();
		String page = spaces(body(get("/organisation/membres").with(signedIn("MANAGER")).flashAttrs(flash)));
		assertThat(page).contains("<p class=\"problem\" role=\"alert\">Cette invitation a déjà été acceptée.</p>");
		this.mvc.perform(post("/organisation/invitations/pas%20un%20id/retirer").with(signedIn("MANAGER")).with(csrf()));
		verify(this.services, never()).exchange(eq(Service.IDENTITY), eq(HttpMethod.DELETE),
				org.mockito.ArgumentMatchers.contains("pas"), any(), any());
	}

	@Test
	void aManagerMadeMemberSinceTheirTokenSeesNoInvitationsWhenIdentityKeepsThemForManagers() throws Exception {
		given(this.services.list(Service.IDENTITY,
				"/api/identity/organisations/" + LA_RUCHE + "/invitations?size=100"))
			.willThrow(new ServiceRefusal(HttpStatus.FORBIDDEN, "forbidden", "Réservé aux gestionnaires.", Map.of()));
		String page = body(get("/organisation/membres").with(signedIn("MANAGER")));
		assertThat(page).contains("Membre La Ruche").doesNotContain("Invitations en attente");
	}

	@Test
	void aMemberGetsTheAccessRefusedPageOnEveryManagerPageAndFormAndNoServiceIsAsked() throws Exception {
		for (String page : MANAGER_PAGES) {
			assertThat(this.mvc.perform(request(page).with(signedIn("MEMBER"))).andReturn().getResponse().getStatus())
				.as(page)
				.isEqualTo(403);
		}
		verify(this.services, never()).list(eq(Service.LISTINGS), anyString());
		verify(this.services, never()).list(eq(Service.IDENTITY), anyString());
		verify(this.services, never()).get(eq(Service.LISTINGS), anyString());
		verify(this.services, never()).get(eq(Service.BOOKING), org.mockito.ArgumentMatchers.startsWith("/api/bookings/incoming"));
		verify(this.services, never()).exchange(any(), any(), anyString(), any(), any());
		verify(this.services, never()).exchange(any(), any(), anyString(), any(), any(), org.mockito.ArgumentMatchers.anyMap());
		verify(this.services, never()).post(any(), anyString(), any(), any());
	}

	@Test
	void aManagerStillOpensEveryManagerPageAndSendsItsForms() throws Exception {
		given(this.services.exchange(any(), any(), anyString(), any(), any()))
			.willReturn(ResponseEntity.ok(Map.of("id", "listing-1")));
		for (String page : MANAGER_PAGES) {
			assertThat(this.mvc.perform(request(page).with(signedIn("MANAGER"))).andReturn().getResponse().getStatus())
				.as(page)
				.isEqualTo(page.startsWith("GET ") ? 200 : 302);
		}
	}

	@Test
	void aMembersHeaderLinksToNoManagerPage() throws Exception {
		String member = body(get("/reservations").with(signedIn("MEMBER")));
		assertThat(member).doesNotContain("href=\"/mes-annonces\"").doesNotContain("href=\"/demandes\"")
			.doesNotContain("href=\"/organisation/membres\"").doesNotContain("/reservations/agenda")
			// booking shows the ledger statement to members too
			.contains("href=\"/organisation/releve\"");
		String manager = body(get("/reservations").with(signedIn("MANAGER")));
		assertThat(manager).contains("href=\"/mes-annonces\"").contains("href=\"/demandes\"")
			.contains("href=\"/organisation/membres\"").contains("href=\"/organisation/releve\"")
			.contains("/reservations/agenda");
	}

	@Test
	void aMemberStillReadsTheOrganisationsStatement() throws Exception {
		assertThat(spaces(body(get("/organisation/releve?mois=2026-11").with(signedIn("MEMBER")))))
			.contains("1 234,50 $");
		assertThat(this.mvc.perform(get("/organisation/releve.csv?mois=2026-11").with(signedIn("MEMBER")))
			.andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void theStatementShowsAmountsInThePersonsLanguage() throws Exception {
		String french = spaces(body(get("/organisation/releve?mois=2026-11").with(signedIn("MANAGER"))));
		assertThat(french).contains("1 234,50 $").contains("1 159,50 $").contains("75,00 $")
			.contains("Centre communautaire Le Phare vous paie").contains("3 novembre 2026, 09:00")
			.contains("Novembre 2026").contains("href=\"/organisation/releve.csv?mois=2026-11\"")
			.contains("href=\"/organisation/releve?mois=2026-10\"");
		assertThat(spaces(body(get("/organisation/releve?mois=2026-11&lang=en").with(signedIn("MANAGER")))))
			.contains("$1,234.50").contains("Centre communautaire Le Phare pays you");
	}

	@Test
	void theStatementCsvHasFrenchAmountsQuotedAndDefusedTitles() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/organisation/releve.csv?mois=2026-11").with(signedIn("MANAGER")))
			.andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment").contains("releve-2026-11.csv");
		String[] lines = spaces(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).split("\r\n");
		assertThat(lines[0]).isEqualTo("\uFEFFRéservation,Début,Ressource,Organisation,Sens,Montant,Montant signé");
		assertThat(lines[1]).isEqualTo("booking-1,\"3 novembre 2026, 09:00\",\"'=Camionnette, la grande\","
				+ "Centre communautaire Le Phare,à recevoir,\"1 234,50 $\",\"1 234,50 $\"");
		assertThat(lines[2]).endsWith(",à payer,\"75,00 $\",\"-75,00 $\"");
		assertThat(lines[3]).isEqualTo(",,,,Solde net,,\"1 159,50 $\"");
		assertThat(lines).hasSize(4);
	}

	@Test
	void aMalformedMonthIsSaidBesideTheMonthField() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/organisation/releve?mois=novembre")
			.with(signedIn("MANAGER"))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"mois-erreur\"")
			.contains("Écrivez un mois comme 2026-11.").contains("aria-describedby=\"mois-erreur\"");
		assertThat(this.mvc.perform(get("/organisation/releve.csv?mois=13-2026").with(signedIn("MANAGER")))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void deadLettersShowTheirErrorAndAReplayPublishesOneAgain() throws Exception {
		String page = body(get("/admin/lettres-mortes").with(signedIn("ADMIN")));
		assertThat(page).contains("Réservations (mutualis.bookings.v1) : 1").contains("Annonces (mutualis.listings.v1) : 0")
			.contains("Le message n’est pas un CloudEvent lisible").contains("MalformedEventException")
			.contains("partition 0, position 41").contains("20 novembre 2026, 10:00")
			.contains("action=\"/admin/lettres-mortes/mutualis.bookings.v1.dlt-0-7/rejouer\"");
		String location = this.mvc.perform(post("/admin/lettres-mortes/mutualis.bookings.v1.dlt-0-7/rejouer")
			.with(signedIn("ADMIN")).with(csrf()).param("sujet", "mutualis.bookings.v1")).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(location).isEqualTo("/admin/lettres-mortes?sujet=mutualis.bookings.v1");
		verify(this.services).exchange(Service.NOTIFICATIONS, HttpMethod.POST,
				"/api/notifications/admin/dead-letters/mutualis.bookings.v1.dlt-0-7/replay", null, null);
	}

	@Test
	void theImpactDashboardChartsTheChosenFigureByMonthMrcKindAndSectorWithItsTables() throws Exception {
		String page = spaces(body(get("/admin/impact?de=2026-10&a=2026-11&mesure=estimatedSavings").with(signedIn("ADMIN"))));
		verify(this.services).get(Service.BOOKING, "/api/bookings/impact?from=2026-10&to=2026-11");
		assertThat(page).contains("2 400,75 $").contains("12,5").contains("Roussillon").contains("Espace")
			.contains("Inconnu").contains("oct. 2026")
			.contains("data-chart=\"{&quot;labels&quot;:[&quot;oct. 2026&quot;,&quot;nov. 2026&quot;],"
					+ "&quot;series&quot;:[{&quot;label&quot;:&quot;Économies estimées&quot;,"
					+ "&quot;values&quot;:[100.00,2300.75]}]}\"")
			.contains("src=\"/webjars/uplot/1.6.30/dist/uPlot.iife.min.js\"").contains("src=\"/js/impact-charts.js\"")
			.contains("href=\"/admin/impact.csv?de=2026-10&amp;a=2026-11\"")
			.contains("1 réservation(s) sans valeur marchande");
	}

	@Test
	void theImpactDashboardSaysWhatIsWrongWithThePeriodBesideItsField() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/admin/impact?de=2026-12&a=2026-01")
			.with(signedIn("ADMIN"))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"a-erreur\"")
			.contains("Le dernier mois doit venir après le premier.");
		verify(this.services, never()).get(eq(Service.BOOKING), org.mockito.ArgumentMatchers.startsWith("/api/bookings/impact"));
	}

	@Test
	void theImpactCsvIsBookingsOwnInThePersonsLanguage() throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
		headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=impact-2026-10-2026-11.csv");
		given(this.services.bytes(Service.BOOKING, "/api/bookings/impact/csv?from=2026-10&to=2026-11"))
			.willReturn(ResponseEntity.ok().headers(headers).body("Dimension,Clé\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		MockHttpServletResponse response = this.mvc.perform(get("/admin/impact.csv?de=2026-10&a=2026-11")
			.with(signedIn("ADMIN"))).andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("impact-2026-10-2026-11.csv");
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Dimension,Clé\r\n");
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder availability() throws Exception {
		return post("/mes-annonces/listing-1/disponibilites").with(signedIn("MANAGER")).with(csrf());
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(String page) {
		String path = page.substring(page.indexOf(' ') + 1);
		if (page.startsWith("GET ")) {
			return get(path);
		}
		return post(path).with(csrf())
			.param("version", "3")
			.param("reason", "Entretien")
			.param("start", "2026-12-01T09:00")
			.param("end", "2026-12-01T10:00")
			.param("timeZone", "America/Toronto")
			.param("email", "nouvelle@laruche.demo")
			.param("role", "MEMBER");
	}

	private String body(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
