package org.mutualis.booking.ledger;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.ProjectionTestSupport;
import org.mutualis.booking.ledger.messaging.LedgerBookingEvents;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Monthly statements through the HTTP API, fed by completed-booking events. */
class LedgerApiTest extends ProjectionTestSupport {

	@Autowired
	private LedgerBookingEvents events;

	@Test
	void statementSumsExactlyAndNetsBetweenTwoOrganisations() throws Exception {
		complete(TestActors.ORG_A, TestActors.ORG_B, "0.10", "2031-03-02T09:00");
		complete(TestActors.ORG_A, TestActors.ORG_B, "0.20", "2031-03-31T23:30");
		complete(TestActors.ORG_B, TestActors.ORG_A, "0.05", "2031-03-15T10:00");
		complete(TestActors.ORG_A, TestActors.ORG_B, "100.00", "2031-04-01T00:00");

		JsonNode a = body(this.mvc.perform(get("/api/bookings/ledger/statements/2031-03").with(TestActors.MEMBER_A.token()))
			.andReturn());
		assertThat(a.get("payable").asString()).isEqualTo("0.30");
		assertThat(a.get("receivable").asString()).isEqualTo("0.05");
		assertThat(a.get("net").asString()).isEqualTo("-0.25");
		assertThat(a.get("currency").asString()).isEqualTo("CAD");
		assertThat(a.get("entries")).hasSize(3);
		JsonNode withB = a.get("counterparties").get(0);
		assertThat(withB.get("organisationId").asString()).isEqualTo(TestActors.ORG_B);
		assertThat(withB.get("net").asString()).isEqualTo("-0.25");
		assertThat(withB.get("settlement").asString()).isEqualTo("ORGANISATION_PAYS");

		JsonNode b = body(this.mvc.perform(get("/api/bookings/ledger/statements/2031-03").with(TestActors.MANAGER_B.token()))
			.andReturn());
		assertThat(b.get("net").asString()).isEqualTo("0.25");
		assertThat(b.get("counterparties").get(0).get("settlement").asString()).isEqualTo("COUNTERPARTY_PAYS");
	}

	@Test
	void csvExportHasHeadersInTheCallersLanguageAndQuotesAsRfc4180() throws Exception {
		complete(TestActors.ORG_A, TestActors.ORG_B, "12.50", "2031-06-10T09:00");

		MvcResult french = this.mvc.perform(get("/api/bookings/ledger/statements/2031-06/csv").with(TestActors.MEMBER_A.token()))
			.andReturn();
		assertThat(french.getResponse().getStatus()).isEqualTo(200);
		assertThat(french.getResponse().getContentType()).startsWith("text/csv");
		assertThat(french.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("releve-2031-06.csv");
		String[] lines = text(french).split("\r\n");
		assertThat(lines[0]).isEqualTo("Référence de réservation,Début (heure locale),Fuseau horaire,Ressource,"
				+ "Identifiant de la contrepartie,Organisation contrepartie,Sens,Montant (CAD),Montant signé (CAD)");
		assertThat(lines).hasSize(2);
		// the organisation name from the example contains a comma-free accent; the title is the French one
		assertThat(lines[1]).contains(",Salle polyvalente du Phare,", ",À payer,12.50,-12.50");

		MvcResult english = this.mvc.perform(get("/api/bookings/ledger/statements/2031-06/csv")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.with(TestActors.MANAGER_B.token())).andReturn();
		String[] englishLines = text(english).split("\r\n");
		assertThat(englishLines[0]).startsWith("Booking reference,Start (local time),Time zone,Resource,");
		assertThat(englishLines[1]).contains(",Le Phare multipurpose room,", ",Receivable,12.50,12.50");
		assertThat(english.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("statement-2031-06.csv");
	}

	@Test
	void aMalformedMonthIsA400ProblemNamingTheField() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/bookings/ledger/statements/2031-13").with(TestActors.MEMBER_A.token()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		JsonNode problem = body(result);
		assertThat(problem.get("type").asString()).isEqualTo("urn:mutualis:problem:invalid-month");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("month");
		assertThat(problem.get("messages").get("en").asString()).contains("yyyy-MM");
		// outside the years bookings may name
		for (String month : java.util.List.of("0000-01", "1999-12", "2200-01")) {
			assertThat(this.mvc.perform(get("/api/bookings/ledger/statements/" + month).with(TestActors.MEMBER_A.token()))
				.andReturn()
				.getResponse()
				.getStatus()).as(month).isEqualTo(400);
		}
	}

	private void complete(String borrower, String owner, String amount, String localStart) {
		assertThat(this.events.apply(event("completed", Map.of("bookingId", UUID.randomUUID().toString(),
				"borrowerOrganisationId", borrower, "ownerOrganisationId", owner, "amountDue", amount, "localStart",
				localStart)))).isTrue();
	}

}
