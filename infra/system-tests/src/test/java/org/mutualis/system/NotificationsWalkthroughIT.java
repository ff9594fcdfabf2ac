package org.mutualis.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10's walkthrough, through the gateway on the running system: a member of La Ruche requests a room of Le
 * Phare; Le Phare's manager gets a live push on their stream and an e-mail in French, and confirms; the member, who
 * chose English, gets theirs in English; they exchange two messages about the booking; the reminder (the booking
 * starts within the 24 h lead) arrives once for each of them.
 */
class NotificationsWalkthroughIT {

	private static final String PASSWORD = BookingJourneyIT.PASSWORD;

	private static final String LA_RUCHE = BookingJourneyIT.LA_RUCHE;

	private static final String LE_PHARE = BookingJourneyIT.LE_PHARE;

	private static final String MEMBER = "membre@laruche.demo";

	private static final String MANAGER = "gestion@lephare.demo";

	/** Booking's reminder job runs every minute: waiting past two runs shows no second reminder. */
	private static final Duration TWO_JOB_RUNS = Duration.ofSeconds(130);

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
	void requestPushAndMailInFrenchConfirmationInEnglishTwoMessagesAndOneReminderEach() throws Exception {
		Api member = anonymous.as(tokens.accessToken(MEMBER, PASSWORD, LA_RUCHE));
		String managerToken = tokens.accessToken(MANAGER, PASSWORD, LE_PHARE);
		Api manager = anonymous.as(managerToken);
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", PASSWORD, null));
		JsonNode before = member.get("/api/identity/me").json();
		String originalLanguage = before.path("preferredLanguage").asString("fr");
		setLanguage(member, before.path("displayName").asString("Membre La Ruche"), "en");
		try (LiveStream managerStream = LiveStream.open(system.gateway(), managerToken)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> managerStream.status() != 0);
			assertThat(managerStream.status()).as("the manager's stream through the gateway").isEqualTo(200);

			String title = "Salle du Phare " + BookingJourneyIT.marker();
			String listingId = BookingJourneyIT.publishedListing(manager, admin,
					BookingJourneyIT.roomJson(title, "Haut-Saint-Laurent", "10.00"));
			BookingJourneyIT.awaitBookable(member, listingId);
			ZonedDateTime start = BookingJourneyIT.nextBookableHour();
			Api.Response requested = member.send(member.request("/api/bookings")
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString(BookingJourneyIT.bookingJson(listingId, start, start.plusHours(1), 1))));
			assertThat(requested.status()).as(requested.body()).isEqualTo(201);
			String bookingId = requested.json().get("id").asString();
			String link = "/bookings/" + bookingId;

			// the manager: a live push, in French, then an e-mail in French
			await().atMost(Duration.ofSeconds(60)).until(() -> !managerStream.notificationsAbout(link).isEmpty());
			JsonNode pushed = Api.JSON.readTree(managerStream.notificationsAbout(link).get(0));
			assertThat(pushed.get("kind").asString()).isEqualTo("booking.requested");
			assertThat(pushed.get("title").asString()).isEqualTo("Nouvelle demande de réservation : " + title);
			MailFolder mail = new MailFolder(system.mailFolder());
			assertThat(awaitMail(mail, MANAGER, link)).startsWith("fr");

			Api.Response confirmed = manager.post("/api/bookings/" + bookingId + "/confirm", null);
			assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

			// the member: in English, in the inbox and by e-mail
			JsonNode confirmation = await().atMost(Duration.ofSeconds(60))
				.until(() -> inboxItem(member, link, "booking.confirmed"), Optional::isPresent)
				.orElseThrow();
			assertThat(confirmation.get("title").asString()).isEqualTo("Booking confirmed: Shared resource");
			assertThat(confirmation.get("body").asString()).contains("Centre communautaire Le Phare", "confirmed");
			assertThat(awaitMail(mail, MEMBER, link)).isEqualTo("en");

			// two messages about the booking, one each way, each a notification to the other side
			Api.Response asked = member.post("/api/notifications/conversations/bookings/" + bookingId + "/messages",
					"{\"text\":\"Can we come in 15 minutes early to set up?\"}");
			assertThat(asked.status()).as(asked.body()).isIn(200, 201);
			String conversation = URLEncoder.encode("booking:" + bookingId, StandardCharsets.UTF_8);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !managerStream.notificationsAbout("conversation.message").isEmpty());
			Api.Response answered = manager.post("/api/notifications/conversations/" + conversation + "/messages",
					"{\"text\":\"Oui, la porte sera ouverte dès 7 h 45.\"}");
			assertThat(answered.status()).as(answered.body()).isIn(200, 201);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> inboxItem(member, "/conversations/", "conversation.message").isPresent());
			for (Api side : List.of(member, manager)) {
				Api.Response thread = side.get("/api/notifications/conversations/" + conversation);
				assertThat(thread.status()).as(thread.body()).isEqualTo(200);
				List<String> texts = new ArrayList<>();
				thread.json().get("messages").forEach((message) -> texts.add(message.get("text").asString()));
				assertThat(texts).containsExactly("Can we come in 15 minutes early to set up?",
						"Oui, la porte sera ouverte dès 7 h 45.");
			}

			// the booking starts within the reminder lead: booking's job publishes the reminder at its next run
			await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
				.until(() -> reminders(member, link) == 1 && reminders(manager, link) == 1);
			Thread.sleep(TWO_JOB_RUNS.toMillis());
			assertThat(reminders(member, link)).as("the member's reminders").isEqualTo(1);
			assertThat(reminders(manager, link)).as("the manager's reminders").isEqualTo(1);
			assertThat(managerStream.notificationsAbout(link).stream().filter((data) -> data.contains("reminder-due")))
				.as("pushed once").hasSize(1);
		}
		finally {
			setLanguage(member, before.path("displayName").asString("Membre La Ruche"), originalLanguage);
		}
	}

	private static void setLanguage(Api person, String displayName, String language) throws Exception {
		Api.Response changed = person.put("/api/identity/me",
				"{\"displayName\":" + Api.JSON.writeValueAsString(displayName) + ",\"language\":\"" + language + "\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
	}

	/** Waits for the e-mail to a person that links to a page; answers its {@code Content-Language}. */
	private static String awaitMail(MailFolder mail, String to, String link) {
		Pattern language = Pattern.compile("(?s)Content-Language: ([a-zA-Z-]+).*" + Pattern.quote(link));
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
			.until(() -> mail.find(to, language), Optional::isPresent)
			.orElseThrow();
	}

	private static Optional<JsonNode> inboxItem(Api person, String linkPart, String kind) throws Exception {
		for (JsonNode item : inbox(person)) {
			if (kind.equals(item.get("kind").asString()) && item.get("link").asString().contains(linkPart)) {
				return Optional.of(item);
			}
		}
		return Optional.empty();
	}

	private static long reminders(Api person, String link) throws Exception {
		long count = 0;
		for (JsonNode item : inbox(person)) {
			if ("booking.reminder-due".equals(item.get("kind").asString()) && link.equals(item.get("link").asString())) {
				count++;
			}
		}
		return count;
	}

	private static JsonNode inbox(Api person) throws Exception {
		Api.Response page = person.get("/api/notifications/inbox?size=100");
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().get("items");
	}

}
