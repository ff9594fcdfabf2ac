package org.mutualis.booking.impact;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.ProjectionTestSupport;
import org.mutualis.booking.impact.messaging.ImpactBookingEvents;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The impact figures through the HTTP API, fed by completed-booking events. */
class ImpactApiTest extends ProjectionTestSupport {

	@Autowired
	private ImpactBookingEvents events;

	@Test
	void adminsReadTheFiguresByMonthMrcKindAndSector() throws Exception {
		complete("org-1", "SPACE", "2032-02-03T09:00", "2032-02-03T12:00", "3", "75.00", "180.00", "Roussillon", "Culture");
		complete("org-2", "STAFF_TIME", "2032-02-10T13:00", "2032-02-10T15:00", "4", "0.00", "120.00", "Roussillon", null);
		complete("org-1", "EQUIPMENT", "2032-03-01T08:00", "2032-03-03T08:00", "48", "30.00", null, "Jardins-de-Napierville",
				"Culture");

		MvcResult result = this.mvc.perform(get("/api/bookings/impact?from=2032-01&to=2032-03").with(TestActors.ADMIN.token()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		JsonNode report = body(result);
		JsonNode totals = report.get("totals");
		assertThat(totals.get("bookings").asInt()).isEqualTo(3);
		assertThat(totals.get("spaceHours").asString()).isEqualTo("3");
		assertThat(totals.get("staffHours").asString()).isEqualTo("4");
		assertThat(totals.get("equipmentDays").asInt()).isEqualTo(3);
		assertThat(totals.get("borrowingOrganisations").asInt()).isEqualTo(2);
		assertThat(totals.get("amountPaid").asString()).isEqualTo("105.00");
		assertThat(totals.get("estimatedSavings").asString()).isEqualTo("225.00");
		assertThat(totals.get("bookingsWithoutMarketValue").asInt()).isEqualTo(1);
		assertThat(report.get("byMonth")).hasSize(3);
		assertThat(report.get("byMonth").get(1).get("key").asString()).isEqualTo("2032-02");
		assertThat(report.get("byMonth").get(1).get("figures").get("bookings").asInt()).isEqualTo(2);
		assertThat(report.get("byMrc").get(1).get("key").asString()).isEqualTo("Roussillon");
		assertThat(report.get("byKind")).hasSize(4);
		assertThat(report.get("byBorrowerSector").get(1).get("key").isNull()).isTrue();

		MvcResult csv = this.mvc.perform(get("/api/bookings/impact/csv?from=2032-01&to=2032-03")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.with(TestActors.ADMIN.token())).andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		String[] lines = text(csv).split("\r\n");
		assertThat(lines[0]).startsWith("Breakdown,Value,Bookings,Staff hours shared,Equipment-days,Space hours,");
		assertThat(lines[1]).isEqualTo("Total,2032-01/2032-03,3,4,3,3,2,105.00,225.00,1");
		assertThat(text(csv)).contains("Kind of resource,Space,1,");
	}

	@Test
	void onlyAdministratorsReadTheFiguresAndBadPeriodsAreProblems() throws Exception {
		MvcResult member = this.mvc.perform(get("/api/bookings/impact?from=2032-01&to=2032-03").with(TestActors.MANAGER_A.token()))
			.andReturn();
		assertThat(member.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(member).get("type").asString()).isEqualTo("urn:mutualis:problem:impact-admin-required");

		MvcResult reversed = this.mvc.perform(get("/api/bookings/impact?from=2032-03&to=2032-01").with(TestActors.ADMIN.token()))
			.andReturn();
		assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(reversed).get("type").asString()).isEqualTo("urn:mutualis:problem:invalid-period");

		MvcResult missing = this.mvc.perform(get("/api/bookings/impact?from=2032-03").with(TestActors.ADMIN.token())).andReturn();
		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
	}

	private void complete(String borrower, String kind, String localStart, String localEnd, String hours, String amount,
			String marketValue, String mrc, String sector) {
		Map<String, Object> data = new HashMap<>();
		data.put("bookingId", UUID.randomUUID().toString());
		data.put("borrowerOrganisationId", borrower);
		data.put("listingKind", kind);
		data.put("localStart", localStart);
		data.put("localEnd", localEnd);
		data.put("hours", Integer.parseInt(hours));
		data.put("amountDue", amount);
		data.put("marketValue", marketValue);
		data.put("mrc", mrc);
		data.put("borrowerSector", sector);
		assertThat(this.events.apply(event("completed", data))).isTrue();
	}

}
