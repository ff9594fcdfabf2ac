package org.mutualis.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutualis.system.DemoRooms.Room;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor and member journeys of issue 11's later phase in a real browser (headless Chromium), against the whole
 * running system through the gateway: identity's own pages (styled from a file, a way back, a language switch, the
 * language web asked for), registering an organisation with its e-mailed confirmation, the forgotten password; a
 * weekly series whose preview shows the date booking will skip, and the waiting list for that full date (in French and
 * in English); the organisation's calendar feed; the inbox whose unread badge changes without a reload, the
 * notification preferences and a conversation; the profile, whose language becomes the pages'. Every new page type is
 * checked with axe-core and saved at desktop and phone widths under {@code target/screenshots}.
 */
class BrowserMemberJourneysIT {

	static final String LE_PHARE = BrowserJourneysIT.LE_PHARE;

	static final String PASSWORD = IdentityJourneyIT.PASSWORD;

	@BeforeAll
	static void needsABrowser() {
		Browser.assumeInstalled();
	}

	@Test
	void identitysPagesLookLikeMutualisSpeakTheLanguageWebAskedForAndLeadBack() {
		String gateway = RunningSystem.get().gateway();
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.go("/?lang=en");
			browser.find(By.linkText("Sign in")).click();
			browser.find(By.id("username"));
			assertThat(browser.path()).startsWith("/auth/login");
			assertThat(browser.text()).contains("Sign in to Mutualis").contains("Forgot your password?");
			assertStyledFromAFile(browser);
			browser.check("identite-connexion-en");

			browser.find(By.id("changer-de-langue")).click();
			browser.waitForText("Connexion à Mutualis");
			browser.check("identite-connexion");
			browser.find(By.linkText("Mot de passe oublié?")).click();
			browser.waitForText("Mot de passe oublié");
			assertStyledFromAFile(browser);
			assertThat(browser.text()).contains("English").contains("Retour à Mutualis");
			browser.check("identite-mot-de-passe-oublie");
			browser.find(By.linkText("Retour à Mutualis")).click();
			// back in web, which still speaks the language chosen there (English)
			browser.waitForText("Pooling what we have");
			assertThat(browser.path()).isEqualTo("/");

			// an authorization request identity cannot trust: its error page, not a bare status
			browser.go("/oauth2/authorize?response_type=code&client_id=inconnu&scope=openid&lang=fr");
			browser.waitForText("Cette page ne peut pas s’afficher");
			assertStyledFromAFile(browser);
			assertThat(browser.text()).contains("Retour à Mutualis").contains("400");
			browser.check("identite-erreur");
		}
	}

	@Test
	void aVisitorRegistersAnOrganisationConfirmsTheAddressAndResetsAForgottenPassword() throws Exception {
		RunningSystem system = RunningSystem.get();
		MailFolder mail = new MailFolder(system.mailFolder());
		String suffix = Long.toString(System.nanoTime(), 36);
		String email = "gestion-" + suffix + "@ressourcerie.example";
		String organisation = "Ressourcerie du Suroît " + suffix;
		try (Browser browser = Browser.open(system.gateway(), "fr-CA")) {
			browser.go("/");
			browser.find(By.linkText("Inscrire mon organisation")).click();
			browser.find(By.id("name"));
			browser.check("inscription");

			browser.find(By.id("name")).sendKeys(organisation);
			new Select(browser.find(By.id("legalForm"))).selectByValue("COOPERATIVE");
			browser.find(By.id("sector")).sendKeys("Réemploi");
			new Select(browser.find(By.id("mrc"))).selectByIndex(1);
			browser.find(By.id("municipality")).sendKeys("Salaberry-de-Valleyfield");
			browser.find(By.id("contactEmail")).sendKeys("info-" + suffix + "@ressourcerie.example");
			browser.find(By.id("manager-displayName")).sendKeys("Alexis Gagnon");
			browser.find(By.id("manager-email")).sendKeys(email);
			browser.find(By.id("manager-password")).sendKeys("court");
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			// identity's refusal, in French, beside the password field
			WebElement refusal = browser.find(By.id("manager-password-erreur"));
			assertThat(refusal.getText()).isNotBlank();
			assertThat(browser.find(By.id("manager-password")).getAttribute("aria-describedby"))
				.isEqualTo("manager-password-erreur");
			browser.check("inscription-refusee");

			browser.find(By.id("manager-password")).sendKeys("Une-phrase-de-passe-2026-reemploi");
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			browser.waitForText("Vérifiez vos courriels");
			assertThat(browser.text()).contains(email);
			browser.check("inscription-envoyee");

			String verification = Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> mail.find(email, Pattern.compile("/auth/verify-email\\?token=([A-Za-z0-9_\\-]+)")),
						java.util.Optional::isPresent)
				.orElseThrow();
			browser.go("/auth/verify-email?token=" + verification);
			browser.waitForText("Confirmer votre adresse courriel");
			assertStyledFromAFile(browser);
			browser.check("identite-confirmer-adresse");
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			browser.waitForText("Votre adresse est confirmée");

			browser.signIn(email, "Une-phrase-de-passe-2026-reemploi");
			browser.go("/");
			assertThat(browser.find(By.id("acting")).getText()).contains(organisation).contains("gestionnaire");

			// signed out, the person forgot the password: from web's footer to identity's page and back
			browser.driver().manage().deleteAllCookies();
			browser.go("/");
			browser.find(By.linkText("Mot de passe oublié?")).click();
			browser.find(By.id("email")).sendKeys(email);
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			browser.waitForText("Si un compte existe avec cette adresse");
			String reset = Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> mail.find(email, Pattern.compile("/auth/reset-password\\?token=([A-Za-z0-9_\\-]+)")),
						java.util.Optional::isPresent)
				.orElseThrow();
			browser.go("/auth/reset-password?token=" + reset);
			browser.find(By.id("password")).sendKeys("Un-nouveau-mot-de-passe-2026");
			browser.check("identite-nouveau-mot-de-passe");
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			browser.waitForText("Votre mot de passe est changé");
			browser.signIn(email, "Un-nouveau-mot-de-passe-2026");
			browser.go("/");
			assertThat(browser.find(By.id("acting")).getText()).contains(organisation);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "fr-CA, membre@laruche.demo, membre@jardins.demo", "en, membre@jardins.demo, membre@laruche.demo" })
	void aMemberPreviewsAWeeklySeriesSeesTheSkippedDateAndJoinsItsWaitingList(String language, String member,
			String other) throws Exception {
		boolean english = "en".equals(language);
		String gateway = RunningSystem.get().gateway();
		TokenClient tokens = new TokenClient(gateway);
		Api asMember = new Api(gateway, null).as(tokens.accessToken(member, PASSWORD, null));
		Api asOther = new Api(gateway, null).as(tokens.accessToken(other, PASSWORD, null));
		Room room = DemoRooms.free(asMember, LE_PHARE, 14, true);
		// another organisation takes the whole second date: the series must skip it, and its waiting list opens
		Api.Response taken = asOther.post("/api/bookings", """
				{"listingId": "%s", "start": "%s", "end": "%s", "quantity": %d, "acceptPrerequisites": true,
				 "message": "Atelier"}""".formatted(room.id(), room.instant(room.start().plusWeeks(1)),
				room.instant(room.end().plusWeeks(1)), room.units()));
		assertThat(taken.status()).as(taken.toString()).isIn(200, 201);

		try (Browser browser = Browser.open(gateway, language)) {
			browser.signIn(member, PASSWORD);
			browser.go("/annonces/" + room.id() + (english ? "?lang=en" : "?lang=fr"));
			browser.find(By.linkText(english ? "Book every week" : "Réserver chaque semaine")).click();
			browser.find(By.id("occurrences"));
			browser.set("start", room.start().toString());
			browser.set("end", room.end().toString());
			browser.set("quantity", "1");
			browser.set("occurrences", "2");
			accept(browser);
			browser.find(By.xpath("//button[@value='apercu']")).click();
			browser.find(By.id("apercu"));
			assertThat(browser.find(By.id("apercu")).getText())
				.contains(english ? "2 dates, 1 would be skipped." : "2 dates, dont 1 qui serait sautée.")
				.contains(english ? "Skipped: full" : "Sautée : complet");
			browser.check("serie-apercu-" + language);

			browser.find(By.xpath("//button[@value='confirmer']")).click();
			browser.find(By.id("dates-demandees"));
			assertThat(browser.text())
				.contains(english ? "1 date requested, 1 skipped" : "1 date demandée, 1 sautée")
				.contains(english ? "Dates skipped" : "Dates sautées");
			browser.check("serie-envoyee-" + language);

			// the full date, booked alone: refused as taken, with the waiting list offered
			browser.go("/annonces/" + room.id() + "/reserver");
			browser.find(By.id("start"));
			browser.set("start", room.start().plusWeeks(1).toString());
			browser.set("end", room.end().plusWeeks(1).toString());
			browser.set("quantity", "1");
			accept(browser);
			browser.find(By.cssSelector("main form.stacked button[type=submit]")).click();
			browser.find(By.id("liste-attente"));
			browser.check("reserver-complet-" + language);
			browser.find(By.cssSelector("#liste-attente button")).click();
			browser.waitForText(english ? "Your organisation is on the waiting list." :
					"Votre organisation est inscrite à la liste d’attente.");
			assertThat(browser.find(By.id("liste-attente")).getText()).contains(room.title(english))
				.contains(english ? "Waiting for a place" : "En attente d’une place");
			browser.check("reservations-liste-attente-" + language);

			// the series' date requested is cancelled from its card, the whole series with a reason
			browser.go("/reservations?vue=pending");
			WebElement card = browser.find(By.xpath("//li[contains(@class, 'card')][.//form[contains(@action, "
					+ "'/reservations/serie/')]][contains(normalize-space(.), \"" + room.title(english) + "\")]"));
			card.findElement(By.tagName("summary")).click();
			card.findElement(By.cssSelector("input[name=reason][id^='serie-raison-']")).sendKeys(english
					? "The project ended." : "Le projet est terminé.");
			card.findElement(By.cssSelector("form[action*='/reservations/serie/'] button[type=submit]")).click();
			browser.waitForText(english ? "Series cancelled: 1 date cancelled; none kept."
					: "Série annulée : 1 date annulée; aucune gardée.");
		}
		assertThat(asMember.get("/api/bookings/waitlist").json().values().stream()
			.filter((entry) -> entry.get("listingId").asString().equals(room.id())))
			.anyMatch((entry) -> "WAITING".equals(entry.get("status").asString()));
	}

	@Test
	void aManagerCreatesTheOrganisationsCalendarFeedAndItServesICalendar() throws Exception {
		String gateway = RunningSystem.get().gateway();
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("gestion@laruche.demo", PASSWORD);
			browser.go("/reservations");
			browser.find(By.id("agenda"));
			browser.find(By.xpath("//button[normalize-space()='Créer l’adresse de l’agenda']")).click();
			WebElement address = browser.find(By.id("adresse-agenda"));
			String feed = address.getAttribute("value");
			assertThat(feed).startsWith(gateway + "/api/bookings/calendar/feeds/").endsWith(".ics");
			assertThat(browser.text()).contains("L’adresse de l’agenda est créée.");
			browser.check("reservations-agenda");
			HttpResponse<String> calendar = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(feed)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(calendar.statusCode()).isEqualTo(200);
			assertThat(calendar.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
			assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");
		}
	}

	@Test
	void theUnreadBadgeChangesWithoutAReloadThenTheManagerAnswersInTheBookingsConversation() throws Exception {
		String gateway = RunningSystem.get().gateway();
		TokenClient tokens = new TokenClient(gateway);
		Api member = new Api(gateway, null).as(tokens.accessToken("membre@laruche.demo", PASSWORD, null));
		Room room = DemoRooms.free(member, LE_PHARE, 14, true);
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("gestion@lephare.demo", PASSWORD);
			browser.go("/notifications");
			browser.find(By.id("notifications"));
			browser.check("notifications");
			long before = unread(browser);

			// La Ruche asks for Le Phare's room: Le Phare's managers are told, and the header counts it live
			Api.Response requested = member.post("/api/bookings", """
					{"listingId": "%s", "start": "%s", "end": "%s", "quantity": 1, "acceptPrerequisites": true,
					 "message": "Réunion du conseil"}""".formatted(room.id(), room.instant(room.start()),
					room.instant(room.end())));
			assertThat(requested.status()).as(requested.toString()).isIn(200, 201);
			String bookingId = requested.json().get("id").asString();
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> assertThat(unread(browser)).isEqualTo(before + 1));

			browser.go("/notifications");
			browser.find(By.id("notifications"));
			assertThat(browser.text()).contains(room.title(false));
			browser.find(By.xpath("//button[normalize-space()='Tout marquer comme lu']")).click();
			browser.waitForText("Toutes vos notifications sont marquées comme lues.");

			browser.go("/notifications/preferences");
			WebElement reminders = browser.find(By.id("courriel-REMINDERS"));
			if (reminders.isSelected()) {
				reminders.click();
			}
			browser.check("preferences");
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			browser.waitForText("Vos préférences sont enregistrées.");
			assertThat(browser.find(By.id("courriel-REMINDERS")).isSelected()).isFalse();
			assertThat(browser.find(By.id("courriel-BOOKINGS")).isSelected()).isTrue();

			browser.go("/conversations/booking:" + bookingId);
			browser.find(By.id("text")).sendKeys("Bonjour! La salle sera prête à 8 h 45.");
			browser.find(By.cssSelector("main form.stacked button[type=submit]")).click();
			browser.waitForText("Votre message est envoyé.");
			assertThat(browser.find(By.id("messages")).getText()).contains("Mon organisation")
				.contains("Bonjour! La salle sera prête à 8 h 45.");
			browser.check("conversation");
			browser.go("/conversations");
			browser.find(By.id("conversations"));
			assertThat(browser.text()).contains(room.title(false));
			browser.check("conversations");
		}
		JsonNode threads = member.get("/api/notifications/conversations").json();
		assertThat(threads.values().stream().map((thread) -> thread.get("subjectId").asString())).isNotEmpty();
	}

	@Test
	void aMemberChangesTheirNameAndLanguageAndThePagesSpeakIt() throws Exception {
		String gateway = RunningSystem.get().gateway();
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("membre@lephare.demo", PASSWORD);
			browser.go("/profil");
			WebElement name = browser.find(By.id("displayName"));
			String original = name.getAttribute("value");
			browser.check("profil");
			name.clear();
			name.sendKeys("Sam du Phare");
			browser.find(By.id("langue-en")).click();
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			browser.waitForText("Your profile is saved.");
			assertThat(browser.find(By.id("acting")).getText()).contains("Sam du Phare");
			assertThat(browser.text()).contains("My profile").contains("Notifications");
			browser.check("profile-en");

			browser.find(By.id("displayName")).clear();
			browser.find(By.id("displayName")).sendKeys(original);
			browser.find(By.id("langue-fr")).click();
			browser.find(By.cssSelector("main form button[type=submit]")).click();
			browser.waitForText("Votre profil est enregistré.");
		}
	}

	private static void accept(Browser browser) {
		List<WebElement> accept = browser.driver().findElements(By.id("acceptPrerequisites"));
		if (!accept.isEmpty() && accept.get(0).isDisplayed() && !accept.get(0).isSelected()) {
			accept.get(0).click();
		}
	}

	/** The number the header's live badge shows ("3 non lues", "aucune non lue"), once it has shown one. */
	private static long unread(Browser browser) {
		String badge = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until((driver) -> {
				String text = driver.findElement(By.id("non-lues")).getText();
				return text.isBlank() ? null : text;
			});
		Matcher number = Pattern.compile("(\\d+)").matcher(badge);
		return number.find() ? Long.parseLong(number.group(1)) : 0;
	}

	/** Checks that the page's look comes from a stylesheet file, with no inline style the CSP would block. */
	private static void assertStyledFromAFile(Browser browser) {
		JavascriptExecutor js = browser.driver();
		Object sheets = js.executeScript("return Array.from(document.styleSheets).filter(s => s.href && s.cssRules.length > 0).length;");
		assertThat((Long) sheets).as("stylesheets loaded from files on " + browser.path()).isGreaterThanOrEqualTo(1L);
		assertThat(browser.driver().findElements(By.tagName("style"))).isEmpty();
		Object font = js.executeScript("return getComputedStyle(document.body).fontFamily;");
		assertThat(String.valueOf(font)).doesNotStartWith("\"Times").contains("system-ui");
	}

}
