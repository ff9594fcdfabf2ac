package org.mutualis.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.web.web.ServiceCalls.Service;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A number typed in a form is read as typed: text, a decimal, a number out of the field's range is refused beside
 * its field in the person's language and nothing is sent, never replaced by a default or pulled into the range; an
 * empty optional field keeps its default.
 */
class FormNumbersTest extends PageTestSupport {

	@Test
	void aBookingsQuantityThatIsNotAWholeNumberIsRefusedBesideItAndNothingIsBooked() throws Exception {
		for (String typed : new String[] { "abc", "1.5", "1,5", "2e3" }) {
			String page = book("", typed);
			assertRefusedBeside(page, "quantity", "Entrez un nombre entier.");
			assertThat(page).contains("value=\"" + typed.strip() + "\"").contains("<li>Quantité : Entrez un nombre entier.</li>");
		}
		assertRefusedBeside(spaces(book("", "99999999999")), "quantity", "Entrez un nombre entier de 1 à 100 000.");
		assertRefusedBeside(spaces(book("", "0")), "quantity", "Entrez un nombre entier de 1 à 100 000.");
		assertRefusedBeside(book("?lang=en", "abc"), "quantity", "Enter a whole number.");
		assertRefusedBeside(book("?lang=en", "-3"), "quantity", "Enter a whole number from 1 to 100,000.");
		verify(this.services, never()).exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings"), any(),
				any(), anyMap());
	}

	@Test
	void anEmptyBookingQuantityKeepsItsDefaultOfOne() throws Exception {
		given(this.services.exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings"), any(), any(),
				anyMap()))
			.willReturn(ResponseEntity.status(201).body(Map.of("id", "booking-1", "status", "REQUESTED")));
		MvcResult sent = this.mvc.perform(post("/annonces/listing-1/reserver").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T14:00").param("end", "2026-12-01T16:00").param("quantity", "")
			.param("acceptPrerequisites", "on")).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/reservations?vue=pending");
		verify(this.services).exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings"),
				argThat((Map<String, Object> body) -> Integer.valueOf(1).equals(body.get("quantity"))), any(), anyMap());
	}

	@Test
	void aSeriesEveryNineWeeksOrOfFiveHundredDatesIsRefusedBesideItsFieldsNotClamped() throws Exception {
		String page = spaces(body(post("/annonces/listing-1/serie").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-08T10:00").param("end", "2026-12-08T12:00").param("quantity", "1.5")
			.param("everyWeeks", "9").param("occurrences", "500").param("action", "confirmer")));
		assertRefusedBeside(page, "everyWeeks", "Entrez un nombre entier de 1 à 4.");
		assertRefusedBeside(page, "occurrences", "Entrez un nombre entier de 1 à 52.");
		assertRefusedBeside(page, "quantity", "Entrez un nombre entier.");
		assertThat(page).contains("<li>Répéter : Entrez un nombre entier de 1 à 4.</li>")
			.contains("value=\"500\"").doesNotContain("id=\"apercu\"");
		assertRefusedBeside(body(post("/annonces/listing-1/serie?lang=en").with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-08T10:00").param("end", "2026-12-08T12:00").param("occurrences", "quatre")
			.param("action", "apercu")), "occurrences", "Enter a whole number.");
		verify(this.services, never()).exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/series"),
				any(), any(), anyMap());
		verify(this.services, never()).exchange(eq(Service.BOOKING), eq(HttpMethod.POST),
				eq("/api/bookings/availability"), any(), any());
	}

	@Test
	void aListingsNumbersAndAmountThatAreNoNumbersAreRefusedBesideThemWithoutAskingListings() throws Exception {
		String page = body(post("/mes-annonces").with(signedIn("MANAGER")).with(csrf()).param("title.fr", "Salle")
			.param("bookableAtOnce", "deux").param("bookingPolicy.minDurationMinutes", "1.5")
			.param("bookingPolicy.maxAdvanceDays", "99999999999").param("costRecovery.mode", "RATE")
			.param("costRecovery.amount", "douze"));
		assertRefusedBeside(page, "bookableAtOnce", "Entrez un nombre entier.");
		assertRefusedBeside(page, "bookingPolicy-minDurationMinutes", "Entrez un nombre entier.");
		assertRefusedBeside(spaces(page), "bookingPolicy-maxAdvanceDays", "Entrez un nombre entier de 1 à 3 650.");
		assertRefusedBeside(page, "costRecovery-amount", "Entrez un montant, par exemple 12,50.");
		assertThat(page).contains("value=\"Salle\"").contains("value=\"deux\"")
			.contains("<li>Durée minimale (minutes) : Entrez un nombre entier.</li>");
		String saved = body(post("/mes-annonces/listing-1?lang=en").with(signedIn("MANAGER")).with(csrf())
			.param("version", "3").param("title.fr", "Salle").param("traits.capacityPersons", "60 personnes"));
		assertRefusedBeside(saved, "traits-capacityPersons", "Enter a whole number.");
		assertThat(saved).contains("name=\"version\" value=\"3\"");
		verify(this.services, never()).exchange(eq(Service.LISTINGS), eq(HttpMethod.POST), eq("/api/listings"), any(),
				any());
		verify(this.services, never()).exchange(eq(Service.LISTINGS), eq(HttpMethod.PUT), anyString(), any(), any());
	}

	@Test
	void aSearchQuantityThatIsNoWholeNumberIsSaidBesideItAndTheDatesAreNotApplied() throws Exception {
		String page = body(get("/recherche?from=2026-12-01T09:00&to=2026-12-01T11:00&quantity=abc"));
		assertRefusedBeside(page, "quantity", "Entrez un nombre entier.");
		assertThat(page).contains("value=\"abc\"");
		assertRefusedBeside(body(get("/recherche?quantity=0&lang=en")), "quantity",
				"Enter a whole number from 1 to 100,000.");
		verify(this.services, never()).exchange(eq(Service.BOOKING), eq(HttpMethod.POST),
				eq("/api/bookings/availability"), any(), any());
	}

	@Test
	void aWaitingListQuantityOutOfRangeIsSaidAndNotJoinedAsOne() throws Exception {
		MvcResult sent = this.mvc.perform(post("/annonces/listing-1/liste-attente").with(signedIn("MEMBER"))
			.with(csrf()).param("start", "2026-12-01T09:00").param("end", "2026-12-01T11:00").param("quantity", "-4"))
			.andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/reservations?vue=pending");
		assertThat(spaces(String.valueOf(sent.getFlashMap().get("refusal"))))
			.isEqualTo("Entrez un nombre entier de 1 à 100 000.");
		verify(this.services, never()).exchange(eq(Service.BOOKING), eq(HttpMethod.POST), eq("/api/bookings/waitlist"),
				any(), any());
	}

	private String book(String query, String quantity) throws Exception {
		return body(post("/annonces/listing-1/reserver" + query).with(signedIn("MEMBER")).with(csrf())
			.param("start", "2026-12-01T14:00").param("end", "2026-12-01T16:00").param("quantity", quantity)
			.param("acceptPrerequisites", "on").param("key", "0b8f6a1e-2c1d-4a5e-9f00-000000000001"));
	}

	/** The field's refusal is beside it, and the field says it is invalid and points to it. */
	static void assertRefusedBeside(String page, String field, String message) {
		assertThat(page).containsPattern("class=\"field-error\"[^>]*id=\"" + field + "-erreur\"[^>]*>" + message + "</span>|"
				+ "id=\"" + field + "-erreur\"[^>]*class=\"field-error\"[^>]*>" + message + "</span>")
			.containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"")
			.containsPattern("id=\"" + field + "\"[^>]*aria-describedby=\"" + field + "-erreur\"");
	}

	private String body(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	static String spaces(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}

}
