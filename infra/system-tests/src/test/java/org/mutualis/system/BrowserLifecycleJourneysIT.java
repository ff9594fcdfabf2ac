package org.mutualis.system;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's booking lifecycle in a real browser, in French, against the whole running system through the gateway: a
 * visitor narrows the search with every facet and with dates (booking's availability answer) and reads a listing's
 * calendar by month and by week; a member reads the organisation's bookings by tab and cancels one with a reason;
 * Le Phare's manager declines a request with a reason and proposes another time, which the requester accepts; a person
 * of several organisations switches the one they act for; signing out ends identity's session too. Each form's refusal
 * is shown beside its field. The rooms are this class's own (open every day, no notice), so nothing depends on the
 * hour of the day or on other tests' bookings. Skipped, with a message, where no chromium and chromium-driver are
 * installed.
 */
class BrowserLifecycleJourneysIT {

	private static final String MEMBER = "membre@laruche.demo";

	private static final String MANAGER = "gestion@lephare.demo";

	/** The room's time zone: BookingJourneyIT's rooms have none, so listings gives them the region's. */
	private static final java.time.ZoneId ZONE = BookingJourneyIT.TORONTO;

	private static String gateway;

	/** A room of Le Phare, published for this class: the requests of each test fall on a day of their own. */
	private static String room;

	private static String roomTitle;

	@BeforeAll
	static void aRoomOfLePhare() throws Exception {
		Browser.assumeInstalled();
		gateway = RunningSystem.get().gateway();
		roomTitle = "Salle du cycle " + word();
		room = BookingJourneyIT.publishedListing(as(MANAGER), as("admin@mutualis.demo"),
				BookingJourneyIT.roomJson(roomTitle, "Haut-Saint-Laurent", "10.00"));
		BookingJourneyIT.awaitBookable(as(MEMBER), room);
	}

	@Test
	void aVisitorNarrowsTheSearchWithEachFacetAndDatesAndReadsTheCalendarByMonthAndByWeek() throws Exception {
		String word = word();
		Api manager = as(MANAGER);
		Api admin = as("admin@mutualis.demo");
		String freeTitle = "Salle gratuite " + word;
		String paidTitle = "Salle payante " + word;
		String free = BookingJourneyIT.publishedListing(manager, admin,
				BookingJourneyIT.roomJson(freeTitle, "Haut-Saint-Laurent", "0")
					.replace("{\"mode\":\"RATE\",\"amount\":0}", "{\"mode\":\"FREE\"}"));
		String paid = BookingJourneyIT.publishedListing(manager, admin,
				BookingJourneyIT.roomJson(paidTitle, "Haut-Saint-Laurent", "12.50"));
		Api member = as(MEMBER);
		BookingJourneyIT.awaitBookable(member, free);
		BookingJourneyIT.awaitBookable(member, paid);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> new Api(gateway, null).get("/api/listings/search?q=" + word).json().get("total").asInt() == 2);
		// the free room is taken from 10:00 to 12:00 three days ahead
		LocalDate day = LocalDate.now(ZONE).plusDays(3);
		String taken = request(member, free, day.atTime(10, 0), day.atTime(12, 0), "Comité " + word);
		assertThat(manager.post("/api/bookings/" + taken + "/confirm", null).status()).isEqualTo(200);

		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.go("/recherche");
			browser.find(By.id("q")).sendKeys(word);
			new Select(browser.find(By.id("kind"))).selectByValue("SPACE");
			new Select(browser.find(By.id("category"))).selectByValue("meeting-rooms");
			new Select(browser.find(By.id("mrc"))).selectByValue("Haut-Saint-Laurent");
			search(browser);
			browser.waitForText("2 résultats");
			assertThat(browser.path()).contains("kind=SPACE").contains("category=meeting-rooms")
				.contains("mrc=Haut-Saint-Laurent");
			assertThat(titles(browser)).contains(freeTitle, paidTitle);
			assertThat(new Select(browser.find(By.id("kind"))).getFirstSelectedOption().getText()).startsWith("Espace (");
			browser.check("recherche-facettes");

			// free only
			browser.find(By.id("free")).click();
			search(browser);
			browser.waitForText("1 résultat");
			assertThat(titles(browser)).contains(freeTitle).doesNotContain(paidTitle);

			// dates: booking says the free room is taken then
			browser.find(By.id("free")).click();
			browser.set("from", day + "T10:30");
			browser.set("to", day + "T11:30");
			search(browser);
			browser.waitForText("Seules les ressources libres pendant toute la période sont affichées.");
			assertThat(titles(browser)).contains(paidTitle).doesNotContain(freeTitle);
			assertThat(browser.text()).contains("1 résultat");
			browser.check("recherche-dates");

			// the same dates the other way round are refused beside the dates
			browser.set("from", day + "T11:30");
			browser.set("to", day + "T10:30");
			search(browser);
			assertThat(browser.find(By.id("dates-erreur")).getText()).isEqualTo("La fin doit venir après le début.");
			assertThat(browser.find(By.id("from")).getAttribute("aria-describedby")).isEqualTo("dates-erreur");

			// the free room's calendar: the month says that day is partly booked, the week shows the hours taken
			browser.go("/annonces/" + free + "?mois=" + day.toString().substring(0, 7));
			browser.waitForText("Disponibilité de chaque jour du mois");
			assertThat(browser.find(By.cssSelector("table.calendar.month")).getText()).contains("partiellement réservé")
				.contains("libre");
			assertThat(monthRow(browser, day).getText()).contains("partiellement réservé");
			browser.check("annonce-mois");
			browser.find(By.linkText("Voir la semaine")).click();
			browser.waitForText("Heures d’ouverture et occupation, jour par jour");
			browser.go("/annonces/" + free + "?semaine=" + day);
			WebElement busy = browser.find(By.cssSelector("table.calendar li.state-BUSY"));
			assertThat(busy.getText()).contains("10:00 – 12:00").contains("complet");
			browser.check("annonce-semaine");
			browser.find(By.linkText("Voir le mois")).click();
			browser.find(By.cssSelector("table.calendar.month"));
		}
	}

	@Test
	void aMemberReadsTheOrganisationsBookingsByTabAndCancelsOneWithAReason() throws Exception {
		Requested first = requested(4, 9, 10, "Réunion");
		Api member = first.member();
		String upcoming = first.id();
		assertThat(as(MANAGER).post("/api/bookings/" + upcoming + "/confirm", null).status()).isEqualTo(200);
		Requested second = requested(5, 9, 10, "Atelier");
		String pending = second.id();

		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(MEMBER, IdentityJourneyIT.PASSWORD);
			browser.go("/reservations");
			browser.find(By.id("raison-" + upcoming));
			assertThat(currentTab(browser)).isEqualTo("À venir");
			assertThat(browser.text()).contains(first.message()).doesNotContain(second.message());
			browser.check("reservations-a-venir");

			browser.find(By.linkText("En attente")).click();
			browser.find(By.id("raison-" + pending));
			assertThat(currentTab(browser)).isEqualTo("En attente");
			assertThat(browser.text()).contains(second.message()).doesNotContain(first.message());
			browser.check("reservations-en-attente");

			browser.find(By.linkText("Passées")).click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
				.until((d) -> "Passées".equals(currentTab(browser)));
			assertThat(browser.text()).doesNotContain(first.message()).doesNotContain(second.message());
			browser.check("reservations-passees");

			// a reason of spaces is refused by booking, beside the reason
			browser.find(By.linkText("À venir")).click();
			browser.find(By.id("raison-" + upcoming)).sendKeys("   ");
			cancelButton(browser, upcoming).click();
			WebElement refusal = browser.find(By.id("raison-" + upcoming + "-erreur"));
			assertThat(refusal.getText()).isEqualTo("Ce champ est obligatoire.");
			assertThat(browser.find(By.id("raison-" + upcoming)).getAttribute("aria-describedby"))
				.isEqualTo("raison-" + upcoming + "-erreur");
			assertThat(card(browser, first.message()).getText()).contains("La requête contient des champs invalides.");
			browser.check("reservations-refus");

			browser.find(By.id("raison-" + upcoming)).sendKeys("Le comité est reporté.");
			cancelButton(browser, upcoming).click();
			browser.waitForText("La réservation est annulée.");
		}
		JsonNode cancelled = member.get("/api/bookings/" + upcoming).json();
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("reason").asString()).isEqualTo("Le comité est reporté.");
		assertThat(member.get("/api/bookings/" + pending).json().get("status").asString()).isEqualTo("REQUESTED");
	}

	@Test
	void aManagerDeclinesARequestWithAReason() throws Exception {
		Requested requested = requested(6, 13, 14, "Répétition");
		Api member = requested.member();
		String declined = requested.id();

		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(MANAGER, IdentityJourneyIT.PASSWORD);
			browser.go("/demandes");
			browser.find(By.id("refus-" + declined)).sendKeys("  ");
			declineButton(browser, declined).click();
			WebElement refusal = browser.find(By.id("refus-" + declined + "-erreur"));
			assertThat(refusal.getText()).isEqualTo("Ce champ est obligatoire.");
			assertThat(browser.find(By.id("refus-" + declined)).getAttribute("aria-invalid")).isEqualTo("true");
			browser.check("demandes-refus");

			browser.find(By.id("refus-" + declined)).sendKeys("La salle est en travaux ce jour-là.");
			declineButton(browser, declined).click();
			browser.waitForText("La demande est refusée.");
			assertThat(browser.driver().findElements(By.id("refus-" + declined))).isEmpty();
		}
		JsonNode answer = member.get("/api/bookings/" + declined).json();
		assertThat(answer.get("status").asString()).isEqualTo("DECLINED");
		assertThat(answer.get("reason").asString()).isEqualTo("La salle est en travaux ce jour-là.");
	}

	@Test
	void aManagerProposesAnotherTimeAndTheRequesterAcceptsIt() throws Exception {
		Requested requested = requested(7, 10, 12, "Formation");
		Api member = requested.member();
		String booking = requested.id();
		LocalDate other = requested.day().plusDays(1);

		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(MANAGER, IdentityJourneyIT.PASSWORD);
			browser.go("/demandes");
			openProposal(browser, booking);
			browser.check("demandes-proposition");
			// an end before the start: booking refuses, and the form opens again with the refusal beside the times
			browser.set("debut-" + booking, other + "T14:00");
			browser.set("fin-" + booking, other + "T13:00");
			proposeButton(browser, booking).click();
			WebElement refusal = browser.find(By.id("proposition-" + booking + "-erreur"));
			assertThat(refusal.isDisplayed()).isTrue();
			assertThat(refusal.getText()).isNotBlank();
			assertThat(browser.find(By.id("fin-" + booking)).getAttribute("aria-describedby"))
				.isEqualTo("proposition-" + booking + "-erreur");

			browser.set("debut-" + booking, other + "T14:00");
			browser.set("fin-" + booking, other + "T16:00");
			browser.find(By.id("mot-" + booking)).sendKeys("Le matin, la salle est prise.");
			proposeButton(browser, booking).click();
			browser.waitForText("Votre proposition d’horaire est envoyée.");

			browser.signIn(MEMBER, IdentityJourneyIT.PASSWORD);
			browser.go("/reservations?vue=pending");
			WebElement card = card(browser, requested.message());
			assertThat(card.getText()).contains("Autre horaire proposé").contains("14:00 – 16:00");
			card.findElement(By.xpath(".//button[normalize-space()='Accepter l’autre horaire']")).click();
			browser.waitForText("Vous avez accepté l’autre horaire.");
		}
		JsonNode accepted = member.get("/api/bookings/" + booking).json();
		assertThat(accepted.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(accepted.get("localStart").asString()).startsWith(other + "T14:00");
		assertThat(accepted.get("localEnd").asString()).startsWith(other + "T16:00");
	}

	@Test
	void aPersonOfSeveralOrganisationsSwitchesTheOrganisationTheyActFor() {
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("gestion@laruche.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/");
			assertThat(browser.find(By.id("acting")).getText()).contains("Coopérative La Ruche");
			WebElement switcher = browser.find(By.cssSelector("nav.switch"));
			assertThat(switcher.getText()).contains("Agir pour une autre organisation").contains("Les Jardins solidaires");
			switcher.findElement(By.linkText("Les Jardins solidaires")).click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(org.openqa.selenium.WebDriverException.class)
				.withMessage(() -> "the header does not show Les Jardins solidaires on " + browser.path())
				.until((d) -> d.findElement(By.id("acting")).getText().contains("Les Jardins solidaires"));
			assertThat(browser.find(By.id("acting")).getText()).doesNotContain("pour Coopérative La Ruche");
			assertThat(browser.find(By.cssSelector("nav.switch")).getText()).contains("Coopérative La Ruche");
			browser.check("organisation-changee");
			// the pages now act for Les Jardins: its listings, not La Ruche's
			browser.go("/mes-annonces");
			browser.find(By.tagName("h1"));
			assertThat(browser.find(By.id("acting")).getText()).contains("Les Jardins solidaires");
		}
	}

	@Test
	void signingOutEndsIdentitysSessionSoSigningInAsksForThePasswordAgain() {
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(MEMBER, IdentityJourneyIT.PASSWORD);
			browser.go("/");
			browser.find(By.id("acting"));
			browser.find(By.xpath("//form[contains(@action, '/logout')]//button")).click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(org.openqa.selenium.WebDriverException.class)
				.withMessage(() -> "not back home, signed out, on " + browser.path() + ":\n" + browser.text())
				.until((d) -> d.findElements(By.id("acting")).isEmpty()
						&& !d.findElements(By.cssSelector("header a[href$='/signin/mutualis']")).isEmpty());
			assertThat(browser.path()).isIn("/", "");

			browser.find(By.cssSelector("header a[href$='/signin/mutualis']")).click();
			// identity's sign-in form, asking for the password: not a silent sign-in
			WebElement password = browser.find(By.id("password"));
			assertThat(password.isDisplayed()).isTrue();
			assertThat(browser.path()).doesNotStartWith("/reservations");
			assertThat(browser.driver().findElements(By.id("acting"))).isEmpty();

			browser.find(By.id("username")).sendKeys(MEMBER);
			password.sendKeys(IdentityJourneyIT.PASSWORD);
			browser.find(By.cssSelector("form button[type=submit]")).click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(org.openqa.selenium.WebDriverException.class)
				.until((d) -> d.findElement(By.id("acting")).getText().contains("Coopérative La Ruche"));
		}
	}

	private static Api as(String email) throws Exception {
		return new Api(gateway, null).as(new TokenClient(gateway).accessToken(email, IdentityJourneyIT.PASSWORD, null));
	}

	/**
	 * A booking the member requests through booking's API, on a day ahead between two hours of the room's local time.
	 * @param what the first word of its message, followed by a word of this test only
	 */
	private static Requested requested(int daysAhead, int fromHour, int toHour, String what) throws Exception {
		Api member = as(MEMBER);
		LocalDate day = LocalDate.now(ZONE).plusDays(daysAhead);
		String message = what + " " + word();
		return new Requested(member, day, request(member, room, day.atTime(fromHour, 0), day.atTime(toHour, 0), message),
				message);
	}

	/** A booking requested by {@link #requested}: who asked, its day, its id and its message. */
	private record Requested(Api member, LocalDate day, String id, String message) {
	}

	/** Requests a room through booking's API, in the room's local time, and answers the booking's id. */
	private static String request(Api member, String listing, LocalDateTime start, LocalDateTime end, String message)
			throws Exception {
		ZonedDateTime from = start.atZone(ZONE);
		ZonedDateTime to = end.atZone(ZONE);
		Api.Response requested = member.send(member.request("/api/bookings")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"listingId":"%s","start":"%s","end":"%s","quantity":1,"acceptPrerequisites":true,"message":"%s"}
					""".formatted(listing, from.toInstant(), to.toInstant(), message))));
		assertThat(requested.status()).as(requested.body()).isEqualTo(201);
		return requested.json().get("id").asString();
	}

	/** A word of letters only, that French analysis keeps whole: the search finds this test's listings by it. */
	private static String word() {
		StringBuilder word = new StringBuilder("zq");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	private static void search(Browser browser) {
		browser.find(By.cssSelector("form.facets button[type=submit]")).click();
		browser.find(By.id("resultats"));
	}

	private static String titles(Browser browser) {
		StringBuilder titles = new StringBuilder();
		for (WebElement title : browser.driver().findElements(By.cssSelector(".cards .card h3"))) {
			titles.append(title.getText()).append('\n');
		}
		return titles.toString();
	}

	private static WebElement monthRow(Browser browser, LocalDate day) {
		String date = String.valueOf(day.getDayOfMonth());
		return browser.driver().findElements(By.cssSelector("table.calendar.month tbody tr")).stream()
			.filter((row) -> row.findElement(By.tagName("th")).getText().matches(".*\\b" + date + "\\b.*"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + day + " in the month"));
	}

	private static String currentTab(Browser browser) {
		return browser.find(By.cssSelector("nav.tabs a[aria-current=page]")).getText();
	}

	private static WebElement card(Browser browser, String text) {
		return browser.driver().findElements(By.cssSelector(".cards .card")).stream()
			.filter((card) -> card.getText().contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no card with '" + text + "' on " + browser.path()));
	}

	private static WebElement cancelButton(Browser browser, String booking) {
		return browser.find(By.cssSelector("form[action$='/reservations/" + booking + "/annuler'] button[type=submit]"));
	}

	private static WebElement declineButton(Browser browser, String booking) {
		return browser.find(By.cssSelector("form[action$='/demandes/" + booking + "/refuser'] button[type=submit]"));
	}

	private static WebElement proposeButton(Browser browser, String booking) {
		return browser.find(By.cssSelector("form[action$='/demandes/" + booking + "/proposer'] button[type=submit]"));
	}

	private static void openProposal(Browser browser, String booking) {
		WebElement details = browser.find(By.xpath("//form[contains(@action, '/demandes/" + booking
				+ "/proposer')]/ancestor::details"));
		if (details.getAttribute("open") == null) {
			details.findElement(By.tagName("summary")).click();
		}
	}

}
