package org.mutualis.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a person is told after acting on a booking: a refusal whose card is gone from the page is said at its top; the
 * owner's counter-proposal shows its note and can be declined; refusals' summaries name fields by their labels; one's
 * own organisation's listing offers no booking; a series preview does not promise dates beyond the listing's maximum
 * advance.
 */
class BookingAnswersTest extends PageTestSupport {

	@Test
	void aRefusedConfirmationOfARequestNoLongerListedIsSaidAtTheTopOfThePage() throws Exception {
		refuse("/api/bookings/booking-7/confirm", HttpStatus.CONFLICT, "Cette demande a été annulée entre-temps.");
		String page = after(post("/demandes/booking-7/confirmer").param("version", "0"), "/demandes", "MANAGER");
		assertThat(page).containsPattern("<div class=\"problem\" role=\"alert\" id=\"refus\">\\s*<p>")
			.contains("La demande n’a pas pu être traitée :")
			.contains("Cette demande a été annulée entre-temps.");
		// a refusal of a card still on the page is said on that card, not twice
		refuse("/api/bookings/booking-1/confirm", HttpStatus.CONFLICT, "Déjà confirmée.");
		String shown = after(post("/demandes/booking-1/confirmer").param("version", "0"), "/demandes", "MANAGER");
		assertThat(shown).contains("Déjà confirmée.").doesNotContain("id=\"refus\"");
	}

	@Test
	void aRefusedCancellationOrAcceptanceOfABookingNotInTheViewIsSaidAtTheTopInThePersonsLanguage() throws Exception {
		refuse("/api/bookings/booking-8/cancel", HttpStatus.FORBIDDEN, "This booking belongs to another organisation.");
		String page = after(post("/reservations/booking-8/annuler").param("version", "0").param("reason", "x"),
				"/reservations", "MEMBER", "en");
		assertThat(page).contains("id=\"refus\"").contains("The request could not be carried out:")
			.contains("This booking belongs to another organisation.");
		refuse("/api/bookings/booking-8/counter-proposal/accept", HttpStatus.CONFLICT,
				"La proposition a déjà été acceptée.");
		assertThat(after(post("/reservations/booking-8/accepter-proposition").param("version", "0"), "/reservations",
				"MEMBER"))
			.contains("id=\"refus\"").contains("La proposition a déjà été acceptée.");
	}

	@Test
	void theCounterProposalsNoteIsShownEscapedAndTheBorrowerDeclinesItWithAReason() throws Exception {
		given(this.services.get(eq(Service.BOOKING), startsWith("/api/bookings?"))).willReturn(proposed());
		String page = body(get("/reservations?vue=pending").with(signedIn("MEMBER")));
		assertThat(page).contains("Mot de l’organisation").contains("&lt;b&gt;Mardi&lt;/b&gt; plutôt?")
			.doesNotContain("<b>Mardi</b>")
			.contains("action=\"/reservations/booking-1/refuser-proposition\"").contains("Refuser l’autre horaire")
			.contains("Pourquoi refusez-vous cet horaire?").contains("Accepter l’autre horaire");
		assertThat(body(get("/reservations?vue=pending&lang=en").with(signedIn("MEMBER"))))
			.contains("Note from the organisation").contains("Decline the other time");
		MvcResult sent = this.mvc.perform(post("/reservations/booking-1/refuser-proposition").with(signedIn("MEMBER"))
			.with(csrf()).param("version", "4").param("reason", " Trop tard pour nous ")).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/reservations?vue=pending");
		assertThat(sent.getFlashMap().get("done")).isEqualTo("booking.done.proposal.declined");
		verify(this.services).exchange(Service.BOOKING, HttpMethod.POST,
				"/api/bookings/booking-1/counter-proposal/decline", Map.of("reason", "Trop tard pour nous"), 4L);
		// booking's refusal of the reason is shown beside the reason
		refuse("/api/bookings/booking-1/counter-proposal/decline", HttpStatus.BAD_REQUEST, "La demande est invalide.",
				Map.of("reason", "Ce champ est obligatoire."));
		String refused = after(post("/reservations/booking-1/refuser-proposition").param("version", "4")
			.param("reason", " "), "/reservations?vue=pending", "MEMBER");
		FormNumbersTest.assertRefusedBeside(refused, "refus-proposition-booking-1", "Ce champ est obligatoire.");
	}

	@Test
	void aBookingRefusalsSummaryNamesTheFieldByItsLabel() throws Exception {
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings"), any(), any(),
				anyMap()))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "invalid-field", "La demande est invalide.",
					Map.of("end", "La fin doit venir après le début.")));
		String page = body(post("/annonces/listing-1/reserver").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T14:00").param("end", "2026-12-01T13:00").param("quantity", "1"));
		assertThat(page).contains("<li>Fin : La fin doit venir après le début.</li>").doesNotContain("<li>end :")
			.contains("id=\"end-erreur\"");
		assertThat(body(post("/annonces/listing-1/reserver?lang=en").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T14:00").param("end", "2026-12-01T13:00").param("quantity", "1")))
			.contains("<li>End : La fin doit venir après le début.</li>");
	}

	@Test
	void aListingRefusalLandsBesideTheFormsFieldsAndItsSummaryUsesTheirLabels() throws Exception {
		given(this.services.exchange(eq(Service.LISTINGS), eq(HttpMethod.POST), eq("/api/listings"), any(), any()))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "invalid-field", "L’annonce est invalide.",
					Map.of("description", "Écrivez une description en français ou en anglais.",
							"availability.weekly[0]", "Les plages d’un jour ne doivent pas se chevaucher.",
							"availability.weekly[1].to", "La fin doit suivre le début.",
							"availability.blackouts[2].reason", "Trop long.")));
		String page = body(post("/mes-annonces").with(signedIn("MANAGER")).with(csrf()).param("title.fr", "Salle"));
		FormNumbersTest.assertRefusedBeside(page, "description-fr",
				"Écrivez une description en français ou en anglais.");
		FormNumbersTest.assertRefusedBeside(page, "availability-to", "La fin doit suivre le début.");
		assertThat(page).contains("id=\"days-erreur\" class=\"field-error\">Les plages d’un jour ne doivent pas se chevaucher.")
			.contains("<li>Description en français : Écrivez une description en français ou en anglais.</li>")
			.contains("<li>Jours ouverts : Les plages d’un jour ne doivent pas se chevaucher.</li>")
			.contains("<li>Jusqu’à : La fin doit suivre le début.</li>")
			.contains("<li>Fermetures, ligne 3 : Trop long.</li>")
			.doesNotContain("availability.weekly").doesNotContain("<li>description :");
	}

	@Test
	void onesOwnOrganisationsListingOffersNoBookingButSaysItIsOurs() throws Exception {
		assertThat(body(get("/annonces/listing-1").with(signedIn("MEMBER"))))
			.contains("href=\"/annonces/listing-1/reserver\"").contains("href=\"/annonces/listing-1/serie\"")
			.doesNotContain("Votre organisation propose cette ressource.");
		Map<String, Object> ours = new LinkedHashMap<>(object("listing"));
		ours.put("ownerOrganisationId", LA_RUCHE);
		given(this.services.get(Service.LISTINGS, "/api/listings/listing-1")).willReturn(ours);
		assertThat(body(get("/annonces/listing-1").with(signedIn("MANAGER"))))
			.doesNotContain("href=\"/annonces/listing-1/reserver\"").doesNotContain("href=\"/annonces/listing-1/serie\"")
			.contains("Votre organisation propose cette ressource.");
		assertThat(body(get("/annonces/listing-1?lang=en").with(signedIn("MEMBER"))))
			.doesNotContain("href=\"/annonces/listing-1/reserver\"").contains("Your organisation offers this resource.");
	}

	@Test
	void aSeriesPreviewSaysDatesBeyondTheListingsMaximumAdvanceAreTooFarWithoutAskingBooking() throws Exception {
		// listing-1 takes bookings up to 180 days ahead: 170, 198 and 226 days from now
		LocalDateTime first = LocalDateTime.now(ZoneId.of("America/Toronto")).plusDays(170).withHour(10).withMinute(0)
			.withSecond(0).withNano(0);
		String preview = FormNumbersTest.spaces(body(post("/annonces/listing-1/serie").with(signedIn("MEMBER"))
			.with(csrf()).param("start", first.toString()).param("end", first.plusHours(2).toString())
			.param("quantity", "1").param("everyWeeks", "4").param("occurrences", "3").param("action", "apercu")));
		assertThat(preview).contains("3 dates, dont 2 qui seraient sautées.").contains("Libre");
		assertThat(preview.split("Sautée : trop loin dans le temps", -1)).hasSize(3);
		verify(this.services, times(1)).exchange(eq(Service.BOOKING), eq(HttpMethod.POST),
				eq("/api/bookings/availability"), any(), any());
	}

	@Test
	void aSeriesPreviewSaysADateSoonerThanTheListingsNoticeIsSkippedForIt() throws Exception {
		// listing-1 asks 24 hours' notice: the first date is in 2 hours, the next ones a week apart
		LocalDateTime first = LocalDateTime.now(ZoneId.of("America/Toronto")).plusHours(2).withSecond(0).withNano(0);
		String preview = FormNumbersTest.spaces(body(post("/annonces/listing-1/serie").with(signedIn("MEMBER"))
			.with(csrf()).param("start", first.toString()).param("end", first.plusHours(1).toString())
			.param("quantity", "1").param("everyWeeks", "1").param("occurrences", "2").param("action", "apercu")));
		assertThat(preview).contains("2 dates, dont 1 qui serait sautée.").contains("Sautée : préavis trop court");
		assertThat(FormNumbersTest.spaces(body(post("/annonces/listing-1/serie?lang=en").with(signedIn("MEMBER"))
			.with(csrf()).param("start", first.toString()).param("end", first.plusHours(1).toString())
			.param("occurrences", "1").param("action", "apercu")))).contains("notice too short");
	}

	private Map<String, Object> proposed() throws Exception {
		Map<String, Object> page = new LinkedHashMap<>(object("bookings"));
		@SuppressWarnings("unchecked")
		Map<String, Object> booking = new LinkedHashMap<>(((List<Map<String, Object>>) page.get("items")).get(0));
		booking.put("version", 4);
		booking.put("proposal", Map.of("start", "2026-12-02T19:00:00Z", "end", "2026-12-02T21:00:00Z", "localStart",
				"2026-12-02T14:00:00", "localEnd", "2026-12-02T16:00:00", "message", "<b>Mardi</b> plutôt?",
				"proposedAt", "2026-11-30T13:00:00Z"));
		page.put("items", List.of(booking));
		return page;
	}

	private void refuse(String path, HttpStatus status, String detail) {
		refuse(path, status, detail, Map.of());
	}

	private void refuse(String path, HttpStatus status, String detail, Map<String, String> fields) {
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq(path), any(), any()))
			.willThrow(new ServiceRefusal(status, "refused", detail, fields));
	}

	/** Sends the form, follows web's redirect with its flash attributes, and answers the page shown. */
	private String after(MockHttpServletRequestBuilder form, String back, String role) throws Exception {
		return after(form, back, role, "fr");
	}

	/** The same, the page in the given language. */
	private String after(MockHttpServletRequestBuilder form, String back, String role, String language)
			throws Exception {
		MvcResult sent = this.mvc.perform(form.with(signedIn(role)).with(csrf())).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(back);
		return this.mvc.perform(get(back).param("lang", language).flashAttrs(sent.getFlashMap()).with(signedIn(role)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String body(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
