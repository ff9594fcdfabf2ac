package org.mutualis.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutualis.local.Part;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, end to end through the gateway on the running system: a member of La Ruche books a room of Le Phare, a
 * manager of Le Phare confirms, the booking appears in both organisations' iCalendar feeds, it completes, the ledger
 * shows what La Ruche owes Le Phare, and the impact figures count it.
 */
class BookingJourneyIT {

	static final String PASSWORD = IdentityJourneyIT.PASSWORD;

	static final String LA_RUCHE = IdentityJourneyIT.LA_RUCHE;

	static final String LE_PHARE = "5e1f0002-0000-4000-8000-000000000002";

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private static RunningSystem system;

	private static Api anonymous;

	private static TokenClient tokens;

	@BeforeAll
	static void startSystem() {
		system = RunningSystem.get();
		anonymous = new Api(system.gateway(), null);
		tokens = new TokenClient(system.gateway());
	}

	@Test
	void memberBooksOwnerConfirmsFeedsShowItItCompletesLedgerAndImpactCountIt() throws Exception {
		Api member = anonymous.as(tokens.accessToken("membre@laruche.demo", PASSWORD, LA_RUCHE));
		Api rucheManager = anonymous.as(tokens.accessToken("gestion@laruche.demo", PASSWORD, LA_RUCHE));
		Api pharemanager = anonymous.as(tokens.accessToken("gestion@lephare.demo", PASSWORD, LE_PHARE));
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", PASSWORD, null));
		String mrc = "Haut-Saint-Laurent";
		String listingId = publishedListing(pharemanager, admin, roomJson("Salle du Phare " + marker(), mrc, "25.00"));
		awaitBookable(member, listingId);

		ZonedDateTime start = nextBookableHour();
		Api.Response requested = member.send(member.request("/api/bookings")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(bookingJson(listingId, start, start.plusHours(1), 1))));
		assertThat(requested.status()).as(requested.body()).isEqualTo(201);
		String bookingId = requested.json().get("id").asString();
		assertThat(requested.json().get("status").asString()).isEqualTo("REQUESTED");
		assertThat(member.post("/api/bookings/" + bookingId + "/confirm", null).status())
			.as("only the owner's managers decide").isEqualTo(403);

		Api.Response confirmed = pharemanager.post("/api/bookings/" + bookingId + "/confirm", null);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");

		String rucheFeed = feedPath(rucheManager);
		String pharefeed = feedPath(pharemanager);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String feed : List.of(rucheFeed, pharefeed)) {
				Api.Response ics = anonymous.get(feed);
				assertThat(ics.status()).isEqualTo(200);
				assertThat(ics.contentType()).startsWith("text/calendar");
				String unfolded = ics.body().replace("\r\n ", "");
				assertThat(unfolded).contains("UID:" + bookingId + "@mutualis").contains("BEGIN:VTIMEZONE");
				assertThat(event(unfolded, bookingId)).contains("STATUS:CONFIRMED");
			}
		});

		String month = YearMonth.from(start).toString();
		JsonNode impactBefore = impact(admin, month);
		letTimePassBeyond(start.plusHours(1).toInstant());
		try {
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				Api.Response booking = member.get("/api/bookings/" + bookingId);
				assertThat(booking.status()).as(booking.body()).isEqualTo(200);
				assertThat(booking.json().get("status").asString()).isEqualTo("COMPLETED");
			});
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode line = ledgerLine(member, month, bookingId);
				assertThat(line).as("La Ruche's statement shows the booking").isNotNull();
				assertThat(line.get("amount").asString()).isEqualTo("25.00");
				assertThat(line.get("direction").asString()).isEqualTo("PAYABLE");
				assertThat(line.get("counterpartyId").asString()).isEqualTo(LE_PHARE);
				JsonNode owner = ledgerLine(pharemanager, month, bookingId);
				assertThat(owner).as("Le Phare's statement shows it too").isNotNull();
				assertThat(owner.get("direction").asString()).isEqualTo("RECEIVABLE");
			});
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode after = impact(admin, month);
				assertThat(after.get("totals").get("bookings").asInt())
					.isGreaterThan(impactBefore.get("totals").get("bookings").asInt());
				assertThat(new java.math.BigDecimal(after.get("totals").get("spaceHours").asString()))
					.isGreaterThanOrEqualTo(new java.math.BigDecimal(impactBefore.get("totals").get("spaceHours").asString())
						.add(java.math.BigDecimal.ONE));
				assertThat(after.get("byMrc").toString()).contains(mrc);
			});
			String ics = anonymous.get(rucheFeed).body().replace("\r\n ", "");
			assertThat(ics).contains("UID:" + bookingId + "@mutualis");
		}
		finally {
			backToRealTime();
		}
	}

	/** A listing created by the owner's manager, submitted, and published by the administrator at the version read. */
	static String publishedListing(Api manager, Api admin, String json) throws Exception {
		Api.Response created = manager.post("/api/listings", json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		await().atMost(Duration.ofSeconds(30)).until(() -> manager.post("/api/listings/" + id + "/submit", null).status() == 200);
		Api.Response published = admin.postAtVersionSeen("/api/listings/" + id, "publish", null);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return id;
	}

	/** Waits until booking's read model knows the listing as bookable (its events travel through Kafka). */
	static void awaitBookable(Api caller, String listingId) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			ZonedDateTime start = nextBookableHour();
			Api.Response answer = caller.post("/api/bookings/availability",
					"{\"listingIds\":[\"" + listingId + "\"],\"quantity\":1,\"start\":\"" + start.toInstant()
							+ "\",\"end\":\"" + start.plusHours(1).toInstant() + "\"}");
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.json().get("available").toString()).contains(listingId);
		});
	}

	/** The next whole hour at least an hour away that ends before local midnight, in Toronto. */
	static ZonedDateTime nextBookableHour() {
		ZonedDateTime start = ZonedDateTime.now(TORONTO).truncatedTo(ChronoUnit.HOURS).plusHours(2);
		if (start.toLocalTime().isAfter(LocalTime.of(21, 0))) {
			start = start.toLocalDate().plusDays(1).atTime(9, 0).atZone(TORONTO);
		}
		return start;
	}

	static String bookingJson(String listingId, ZonedDateTime start, ZonedDateTime end, int quantity) {
		return """
				{"listingId":"%s","start":"%s","end":"%s","quantity":%d,"acceptPrerequisites":true,
				 "message":"Pour notre rencontre du comité."}
				""".formatted(listingId, start.toInstant(), end.toInstant(), quantity);
	}

	/** A room open every day, booked by the hour on approval, with a rate per hour. */
	static String roomJson(String titleFr, String mrc, String ratePerHour) {
		return resourceJson("SPACE", "meeting-rooms", titleFr, mrc, ratePerHour, "APPROVAL",
				"\"traits\":{\"capacityPersons\":1,\"areaSquareMetres\":40}", 1);
	}

	static String resourceJson(String kind, String category, String titleFr, String mrc, String ratePerHour, String mode,
			String traits, int bookableAtOnce) {
		StringBuilder weekly = new StringBuilder();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			weekly.append(weekly.isEmpty() ? "" : ",").append("{\"day\":\"").append(day).append("\",\"from\":\"00:00\",\"to\":\"23:45\"}");
		}
		return """
				{"kind":"%s","title":{"fr":"%s","en":"Shared resource"},
				 "description":{"fr":"Ressource partagée pour les essais de bout en bout.","en":"Shared resource for end-to-end tests."},
				 "categoryCode":"%s","tags":["essai"],
				 "location":{"municipality":"Huntingdon","mrc":"%s"},
				 "bookableAtOnce":%d,"unit":"HOUR","costRecovery":{"mode":"RATE","amount":%s},
				 "marketValuePerUnit":60,%s,
				 "availability":{"weekly":[%s],"blackouts":[]},
				 "bookingPolicy":{"mode":"%s","minDurationMinutes":60,"maxDurationMinutes":480,"minNoticeHours":0,
				   "maxAdvanceDays":30,"bufferBeforeMinutes":0,"bufferAfterMinutes":0},
				 "prerequisites":[{"fr":"Laisser les lieux propres","en":"Leave the place clean"}],
				 "contact":{"name":"Gestion Le Phare","email":"gestion@lephare.demo"}}
				""".formatted(kind, titleFr, category, mrc, bookableAtOnce, ratePerHour, traits, weekly, mode);
	}

	static String marker() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String feedPath(Api manager) throws Exception {
		Api.Response feed = manager.post("/api/bookings/calendar/feeds", "{\"scope\":\"ORGANISATION\"}");
		assertThat(feed.status()).as(feed.body()).isEqualTo(201);
		return feed.json().get("path").asString();
	}

	private static String event(String ics, String bookingId) {
		int uid = ics.indexOf("UID:" + bookingId + "@mutualis");
		int begin = ics.lastIndexOf("BEGIN:VEVENT", uid);
		int end = ics.indexOf("END:VEVENT", uid);
		return ics.substring(begin, end);
	}

	private static JsonNode impact(Api admin, String month) throws Exception {
		Api.Response impact = admin.get("/api/bookings/impact?from=" + month + "&to=" + month);
		assertThat(impact.status()).as(impact.body()).isEqualTo(200);
		return impact.json();
	}

	private static JsonNode ledgerLine(Api caller, String month, String bookingId) throws Exception {
		Api.Response statement = caller.get("/api/bookings/ledger/statements/" + month);
		assertThat(statement.status()).as(statement.body()).isEqualTo(200);
		for (JsonNode line : statement.json().get("entries")) {
			if (bookingId.equals(line.get("bookingId").asString())) {
				return line;
			}
		}
		return null;
	}

	/**
	 * Restarts booking with its clock moved past the booking's end plus the completion grace, so that its scheduler
	 * completes it as it would hours later (tokens are still checked against real time).
	 */
	private static void letTimePassBeyond(Instant end) {
		Duration ahead = Duration.between(Instant.now(), end).plus(Duration.ofMinutes(75)).truncatedTo(ChronoUnit.MINUTES);
		system.stack().stop(Part.BOOKING);
		system.stack().extraArguments(Part.BOOKING, List.of("--mutualis.clock.offset=" + ahead));
		system.stack().start(Part.BOOKING);
	}

	private static void backToRealTime() {
		system.stack().stop(Part.BOOKING);
		system.stack().extraArguments(Part.BOOKING, List.of());
		system.stack().start(Part.BOOKING);
	}

}
