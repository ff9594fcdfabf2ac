package org.mutualis.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutualis.local.LocalStack;
import org.mutualis.local.Part;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, exactly once under faults: Kafka stops while Le Phare's manager confirms La Ruche's requests; once it is
 * back, the member has exactly one notification and one e-mail per confirmation. Runs its own stack (demo data,
 * a launcher-run broker that can be stopped and started again) on ports {@code mutualis.system.port-offset} + 100.
 */
class NotificationsBrokerOutageIT {

	private static final int BOOKINGS = 5;

	private static final String MEMBER = "membre@laruche.demo";

	private static LocalStack stack;

	@BeforeAll
	static void startStack() throws Exception {
		Path data = Files.createTempDirectory("mutualis-notifications-outage-");
		stack = LocalStack.builder()
			.repository(Path.of(System.getProperty("mutualis.repository", "../..")).toAbsolutePath().normalize())
			.dataDirectory(data)
			.portOffset(RunningSystem.PORT_OFFSET + 100)
			.parts(Part.KAFKA, Part.STORE, Part.IDENTITY, Part.LISTINGS, Part.BOOKING, Part.NOTIFICATIONS, Part.GATEWAY)
			.demoData(true)
			.jvmOptions(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m",
					"-XX:+ExitOnOutOfMemoryError", "-Dmutualis.gateway.rate-limit.enabled=false"))
			.startTimeout(Duration.ofMinutes(4))
			.progress((line) -> System.out.println("[notifications-outage] " + line))
			.build();
		stack.start();
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.stop();
		}
	}

	@Test
	void confirmationsMadeWhileKafkaIsDownAreEachToldOnceWhenItIsBack() throws Exception {
		String gateway = stack.url(Part.GATEWAY);
		TokenClient tokens = new TokenClient(gateway);
		Api anonymous = new Api(gateway, null);
		Api member = anonymous.as(tokens.accessToken(MEMBER, BookingJourneyIT.PASSWORD, BookingJourneyIT.LA_RUCHE));
		Api manager = anonymous
			.as(tokens.accessToken("gestion@lephare.demo", BookingJourneyIT.PASSWORD, BookingJourneyIT.LE_PHARE));
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", BookingJourneyIT.PASSWORD, null));
		String listingId = BookingJourneyIT.publishedListing(manager, admin,
				BookingJourneyIT.roomJson("Salle de la panne " + BookingJourneyIT.marker(), "Haut-Saint-Laurent", "5.00"));
		BookingJourneyIT.awaitBookable(member, listingId);

		List<String> links = new ArrayList<>();
		// two days ahead and more: no reminder is due during the test, so each booking's only e-mail is its confirmation
		ZonedDateTime first = BookingJourneyIT.nextBookableHour().plusDays(2);
		for (int day = 0; day < BOOKINGS; day++) {
			ZonedDateTime start = first.plusDays(day);
			Api.Response requested = member.send(member.request("/api/bookings")
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString(BookingJourneyIT.bookingJson(listingId, start, start.plusHours(1), 1))));
			assertThat(requested.status()).as(requested.body()).isEqualTo(201);
			links.add("/bookings/" + requested.json().get("id").asString());
		}
		// the requests are known to notifications (the manager was told of each) before the broker goes
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
			.until(() -> links.stream().allMatch((link) -> count(manager, "booking.requested", link) == 1));

		stack.stop(Part.KAFKA);
		assertThat(stack.isRunning(Part.KAFKA)).isFalse();
		for (String link : links) {
			Api.Response confirmed = manager.post("/api/bookings/" + link.substring("/bookings/".length()) + "/confirm",
					null);
			assertThat(confirmed.status()).as("booking decides without the broker: " + confirmed.body()).isEqualTo(200);
		}
		assertThat(links).allSatisfy((link) -> assertThat(count(member, "booking.confirmed", link)).isZero());

		stack.start(Part.KAFKA);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
			.until(() -> links.stream().allMatch((link) -> count(member, "booking.confirmed", link) >= 1));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
			.until(() -> links.stream().allMatch((link) -> mails(stack.dataDirectory().resolve("mail"), link) >= 1));
		// redeliveries after the restart, if any, have had time to arrive: still one of each
		Thread.sleep(Duration.ofSeconds(15).toMillis());
		Map<String, Long> told = new HashMap<>();
		Map<String, Long> mailed = new HashMap<>();
		for (String link : links) {
			told.put(link, count(member, "booking.confirmed", link));
			mailed.put(link, mails(stack.dataDirectory().resolve("mail"), link));
		}
		assertThat(told.values()).as("notifications per confirmation").containsOnly(1L);
		assertThat(mailed.values()).as("e-mails per confirmation").containsOnly(1L);
	}

	private static long count(Api person, String kind, String link) {
		try {
			Api.Response page = person.get("/api/notifications/inbox?size=100");
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			long count = 0;
			for (JsonNode item : page.json().get("items")) {
				if (kind.equals(item.get("kind").asString()) && link.equals(item.get("link").asString())) {
					count++;
				}
			}
			return count;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The member's e-mails (their address and the page's link) in the stack's mail folder. */
	private static long mails(Path folder, String link) {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> file.toString().endsWith(".eml")).filter((file) -> {
				try {
					String text = Files.readString(file, StandardCharsets.UTF_8).replace("=\r\n", "").replace("=\n", "");
					return text.contains(MEMBER) && text.contains(link);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
