package org.mutualis.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A service's refusal of a decision taken on a card (a booking's or a series' cancellation, decline or counter-proposal, a
 * moderation decision, an organisation's refusal) is shown beside the field it names, tied to it for assistive
 * technologies, in the person's language.
 */
class RefusalsBesideFieldsTest extends PageTestSupport {

	@Test
	void aDeclineRefusedForItsReasonIsShownBesideTheReason() throws Exception {
		refuse(Service.BOOKING, "/api/bookings/booking-1/decline", "reason", "Ce champ est obligatoire.");
		String page = after(post("/demandes/booking-1/refuser").param("version", "0").param("reason", " "),
				"/demandes", "MANAGER");
		assertShownBeside(page, "refus-booking-1", "Ce champ est obligatoire.");
	}

	@Test
	void aCounterProposalRefusedIsShownBesideItsTimesWithTheProposalOpen() throws Exception {
		refuse(Service.BOOKING, "/api/bookings/booking-1/counter-proposal", "end",
				"La fin doit suivre le début.");
		String page = after(post("/demandes/booking-1/proposer").param("version", "0").param("timeZone", "America/Toronto")
			.param("start", "2031-05-06T14:00").param("end", "2031-05-06T13:00"), "/demandes", "MANAGER");
		assertThat(page).containsPattern("<details open=\"open\">\\s*<summary>Proposer un autre horaire</summary>")
			.contains("<span class=\"field-error\" id=\"proposition-booking-1-erreur\">La fin doit suivre le début.</span>")
			.containsPattern("id=\"debut-booking-1\"[^>]*aria-describedby=\"proposition-booking-1-erreur\"")
			.containsPattern("id=\"fin-booking-1\"[^>]*aria-describedby=\"proposition-booking-1-erreur\"")
			// the refusal of the decline's reason field is not claimed
			.doesNotContain("refus-booking-1-erreur");
	}

	@Test
	void aCounterProposalWithATimeThatIsNoTimeNeverReachesBookingAndSaysSoBesideTheTimes() throws Exception {
		String page = after(post("/demandes/booking-1/proposer").param("version", "0").param("timeZone", "America/Toronto")
			.param("start", "demain").param("end", "2031-05-06T13:00"), "/demandes", "MANAGER");
		assertThat(page).contains("id=\"proposition-booking-1-erreur\">Indiquez une date et une heure valides.</span>");
		verify(this.services, never()).exchange(eq(Service.BOOKING), eq(HttpMethod.POST), anyString(), any(), any());
	}

	@Test
	void aCancellationRefusedForItsReasonIsShownBesideTheReason() throws Exception {
		refuse(Service.BOOKING, "/api/bookings/booking-1/cancel", "reason", "Ce champ est obligatoire.");
		String page = after(post("/reservations/booking-1/annuler").param("version", "0").param("reason", " "),
				"/reservations", "MEMBER");
		assertShownBeside(page, "raison-booking-1", "Ce champ est obligatoire.");
	}

	@Test
	void aModerationDecisionRefusedForItsReasonIsShownBesideTheReason() throws Exception {
		refuse(Service.LISTINGS, "/api/listings/listing-1/reject", "reason", "Ce champ est obligatoire.");
		String page = after(post("/admin/moderation/listing-1/reject").param("version", "3").param("reason", " "),
				"/admin/moderation", "ADMIN");
		assertShownBeside(page, "rejet-listing-1", "Ce champ est obligatoire.");
	}

	@Test
	void anOrganisationsRefusalRefusedForItsReasonIsShownBesideTheReason() throws Exception {
		String organisation = "5e1f0004-0000-4000-8000-000000000004";
		refuse(Service.IDENTITY, "/api/identity/admin/organisations/" + organisation + "/reject", "reason",
				"Ce champ est obligatoire.");
		String page = after(post("/admin/organisations/" + organisation + "/refuser").param("reason", " "),
				"/admin/organisations", "ADMIN");
		assertShownBeside(page, "raison-" + organisation, "Ce champ est obligatoire.");
	}

	@Test
	void aSeriesCancellationRefusedForItsReasonIsShownBesideTheSeriesReasonWithTheFormOpen() throws Exception {
		given(this.services.get(eq(Service.BOOKING), org.mockito.ArgumentMatchers.startsWith("/api/bookings?")))
			.willReturn(object("series-bookings"));
		refuse(Service.BOOKING, "/api/bookings/series/series-1/cancel", "reason", "Ce champ est obligatoire.");
		String page = after(post("/reservations/serie/series-1/annuler").param("booking", "booking-1")
			.param("reason", " "), "/reservations", "MEMBER");
		assertShownBeside(page, "serie-raison-booking-1", "Ce champ est obligatoire.");
		assertThat(page).contains("<details open=\"open\">")
			// the refusal of the single booking's reason field is not claimed
			.doesNotContain("id=\"raison-booking-1-erreur\"");
	}

	/** The field's refusal is beside it, and the field says it is invalid and points to it. */
	private static void assertShownBeside(String page, String field, String message) {
		assertThat(page).contains("<span class=\"field-error\" id=\"" + field + "-erreur\">" + message + "</span>")
			.containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"")
			.containsPattern("id=\"" + field + "\"[^>]*aria-describedby=\"" + field + "-erreur\"");
	}

	private void refuse(Service service, String path, String field, String message) {
		given(this.services.exchange(eq(service), eq(HttpMethod.POST), eq(path), any(), any()))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "validation", "La demande est invalide.",
					Map.of(field, message)));
	}

	/** Sends the form, follows web's redirect with its flash attributes, and answers the page shown. */
	private String after(MockHttpServletRequestBuilder form, String back, String role) throws Exception {
		MvcResult sent = this.mvc.perform(form.with(signedIn(role)).with(csrf())).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(back);
		return this.mvc.perform(get(back).flashAttrs(sent.getFlashMap()).with(signedIn(role)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
