package org.mutualis.system;

import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutualis.platform.test.TestInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's and administrator's journeys of issue 11 in a real browser, in French, against the whole running
 * system through the gateway: a manager edits a listing's weekly hours and closures (and is told, when someone else
 * saved in between, what they changed), blocks hours and lifts them; invites someone and changes a member's role;
 * reads the organisation's ledger statement and downloads it; the administrator replays a dead letter and reads the
 * impact dashboard with its charts. Every new page type is checked with axe-core and saved at desktop and phone widths
 * under {@code target/screenshots}. Skipped, with a message, where no chromium and chromium-driver are installed.
 */
class BrowserManagerJourneysIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@BeforeAll
	static void needsABrowser() {
		Browser.assumeInstalled();
	}

	@Test
	void aManagerEditsTheWeeklyHoursIsToldWhatSomeoneElseChangedAndBlocksHours() throws Exception {
		String gateway = RunningSystem.get().gateway();
		Api manager = new Api(gateway, null)
			.as(new TokenClient(gateway).accessToken("gestion@lephare.demo", IdentityJourneyIT.PASSWORD, null));
		String listingId = publishedRoomOf(manager, BrowserJourneysIT.LE_PHARE);
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("gestion@lephare.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/mes-annonces/" + listingId + "/disponibilites");
			browser.find(By.id("jour-0"));
			assertThat(browser.text()).contains("Heures d’ouverture chaque semaine").contains("Heures bloquées");
			browser.check("disponibilites");

			// a Saturday morning window in the first blank row, and a closure far ahead
			int blank = firstBlankRow(browser);
			new Select(browser.find(By.id("jour-" + blank))).selectByValue("SATURDAY");
			browser.set("ouverture-" + blank, "10:00");
			browser.set("fermeture-" + blank, "13:00");
			int closure = firstBlankClosure(browser);
			browser.set("ferme-du-" + closure, "2031-12-24");
			browser.set("ferme-au-" + closure, "2031-12-26");
			browser.find(By.id("ferme-raison-" + closure)).sendKeys("Fêtes");
			submit(browser, "disponibilites");
			browser.waitForText("Disponibilités enregistrées.");
			JsonNode saved = manager.get("/api/listings/" + listingId).json();
			assertThat(saved.get("availability").get("weekly").values().stream()
				.anyMatch((w) -> "SATURDAY".equals(w.get("day").asString()) && w.get("from").asString().startsWith("10:00")))
				.isTrue();
			assertThat(saved.get("availability").get("blackouts").toString()).contains("2031-12-24").contains("Fêtes");

			// someone else saves while the page is open: the next save is refused and says what they changed
			browser.go("/mes-annonces/" + listingId + "/disponibilites");
			browser.find(By.id("jour-0"));
			ObjectNode other = (ObjectNode) manager.get("/api/listings/" + listingId).json();
			String etag = manager.get("/api/listings/" + listingId).raw().headers().firstValue("ETag").orElseThrow();
			ObjectNode sunday = JSON.createObjectNode().put("day", "SUNDAY").put("from", "12:00").put("to", "15:00");
			((tools.jackson.databind.node.ArrayNode) other.get("availability").get("weekly")).add(sunday);
			Api.Response put = manager.send(manager.request("/api/listings/" + listingId)
				.header("Content-Type", "application/json")
				.header("If-Match", etag)
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ListingEditBody.of(other))));
			assertThat(put.status()).as(put.body()).isEqualTo(200);
			browser.set("ouverture-0", "08:00");
			submit(browser, "disponibilites");
			browser.waitForText("Quelqu’un d’autre a modifié cette annonce entre-temps.");
			assertThat(browser.text()).contains("Heures d’ouverture enregistrées par l’autre personne")
				.contains("dimanche 12:00 – 15:00");
			assertThat(browser.find(By.id("ouverture-0")).getAttribute("value")).isEqualTo("08:00");
			browser.check("disponibilites-conflit");

			// hours blocked for the organisation's own use, then lifted
			LocalDate day = LocalDate.now().plusDays(75);
			browser.go("/mes-annonces/" + listingId + "/disponibilites");
			browser.set("bloc-debut", day + "T09:00");
			browser.set("bloc-fin", day + "T11:00");
			browser.find(By.id("bloc-raison")).sendKeys("Formation de l’équipe");
			submit(browser, "blocages");
			browser.waitForText("Heures bloquées.");
			assertThat(browser.text()).contains("Formation de l’équipe").contains("09:00").contains("11:00");
			browser.check("disponibilites-blocage");
			WebElement card = browser.driver().findElements(By.cssSelector("#blocages .card")).stream()
				.filter((c) -> c.getText().contains("Formation de l’équipe"))
				.findFirst()
				.orElseThrow();
			card.findElement(By.xpath(".//button[normalize-space()='Lever le blocage']")).click();
			browser.waitForText("Blocage levé.");
			assertThat(browser.text()).doesNotContain("Formation de l’équipe");

			// a block without its end or reason is refused beside those fields, before booking is asked
			browser.set("bloc-debut", day + "T09:00");
			submit(browser, "blocages");
			browser.find(By.id("bloc-fin-erreur"));
			assertThat(browser.find(By.id("bloc-fin")).getAttribute("aria-describedby")).isEqualTo("bloc-fin-erreur");
			assertThat(browser.text()).contains("Ce champ est obligatoire.");
		}
	}

	@Test
	void aManagerInvitesSomeoneWithdrawsThePendingInvitationAndChangesAMembersRole() throws Exception {
		String gateway = RunningSystem.get().gateway();
		String invited = "invitee-" + System.nanoTime() + "@lephare.demo";
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("gestion@lephare.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/organisation/membres");
			browser.find(By.id("invitation-email"));
			assertThat(browser.text()).contains("Membres de l’organisation").contains("membre@lephare.demo")
				.contains("gestionnaire");
			browser.check("membres");

			browser.find(By.id("invitation-email")).sendKeys("pas-une-adresse");
			submit(browser, "invitations");
			WebElement error = browser.find(By.id("invitation-email-erreur"));
			assertThat(error.getText()).isNotBlank();
			assertThat(browser.find(By.id("invitation-email")).getAttribute("aria-describedby"))
				.isEqualTo("invitation-email-erreur");
			browser.check("membres-refus");

			browser.find(By.id("invitation-email")).clear();
			browser.find(By.id("invitation-email")).sendKeys(invited);
			submit(browser, "invitations");
			browser.waitForText("Invitation envoyée à " + invited);

			// the invitation just sent waits for its answer: shown with its role and dates, then withdrawn
			WebElement pending = browser.find(By.cssSelector("section[aria-labelledby='en-attente']"));
			assertThat(pending.getText()).contains("Invitations en attente").contains(invited);
			WebElement invitation = pending.findElements(By.cssSelector("tbody tr")).stream()
				.filter((r) -> r.getText().contains(invited))
				.findFirst()
				.orElseThrow(() -> new AssertionError(invited + " is not among the pending invitations"));
			assertThat(invitation.findElement(By.cssSelector("td")).getText()).isEqualTo("membre");
			assertThat(invitation.getText()).containsPattern("\\d{1,2} \\p{L}+ \\d{4}");
			invitation.findElement(By.tagName("summary")).click();
			browser.check("membres-invitations");
			invitation.findElement(By.xpath(".//button[normalize-space()='Retirer l’invitation']")).click();
			browser.waitForText("Invitation retirée.");
			assertThat(browser.find(By.cssSelector("section[aria-labelledby='en-attente']")).getText())
				.doesNotContain(invited);

			WebElement row = memberRow(browser, "membre@lephare.demo");
			new Select(row.findElement(By.tagName("select"))).selectByValue("MANAGER");
			row.findElement(By.xpath(".//button[normalize-space()='Changer le rôle']")).click();
			browser.waitForText("Rôle changé.");
			assertThat(roleOf(browser, "membre@lephare.demo")).isEqualTo("gestionnaire");
			row = memberRow(browser, "membre@lephare.demo");
			new Select(row.findElement(By.tagName("select"))).selectByValue("MEMBER");
			row.findElement(By.xpath(".//button[normalize-space()='Changer le rôle']")).click();
			browser.waitForText("Rôle changé.");
			assertThat(roleOf(browser, "membre@lephare.demo")).isEqualTo("membre");
		}
	}

	@Test
	void aManagerReadsTheLedgerStatementAndDownloadsItInFrench() throws Exception {
		String gateway = RunningSystem.get().gateway();
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("gestion@laruche.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/organisation/releve");
			browser.find(By.id("mois"));
			assertThat(browser.text()).contains("Relevé du grand livre").contains("À recevoir").contains("À payer")
				.containsPattern("Solde net\\s*-?[\\d\\u00a0\\u202f ]+,\\d\\d[\\u00a0 ]\\$");
			browser.check("releve");

			String href = browser.find(By.partialLinkText("Télécharger le relevé")).getAttribute("href");
			String csv = fetch(browser, href);
			// the text of a download loses its byte-order mark when decoded; the bytes keep it, for spreadsheets
			assertThat(firstBytes(browser, href)).isEqualTo("efbbbf");
			// every record ends with CRLF (counted in the browser: the driver hands strings back with bare LFs)
			assertThat(everyLineEndsWithCrLf(browser, href)).isTrue();
			assertThat(csv.replace("\r", "")).startsWith("Réservation,Début,Ressource,Organisation,Sens,Montant,Montant signé\n")
				.containsPattern(",Solde net,,\"-?[\\d\\u00a0\\u202f ]+,\\d\\d\\u00a0\\$\"\n$");

			browser.go("/organisation/releve?mois=novembre");
			browser.find(By.id("mois-erreur"));
			assertThat(browser.text()).contains("Écrivez un mois comme 2026-11.");
		}
	}

	@Test
	void theAdministratorReplaysADeadLetter() throws Exception {
		String gateway = RunningSystem.get().gateway();
		String key = "lettre-morte-" + System.nanoTime();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("mutualis.bookings.v1", key, "ceci n’est pas un CloudEvent")).get();
		}
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("admin@mutualis.demo", IdentityJourneyIT.PASSWORD);
			WebElement card = new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until((driver) -> {
				browser.go("/admin/lettres-mortes?sujet=mutualis.bookings.v1");
				return driver.findElements(By.cssSelector(".card")).stream()
					.filter((c) -> c.getText().contains(key))
					.findFirst()
					.orElse(null);
			});
			assertThat(card.getText()).contains("Erreur").contains("jamais");
			browser.check("lettres-mortes");
			card.findElement(By.xpath(".//button[normalize-space()='Rejouer']")).click();
			browser.waitForText("Message publié de nouveau sur son sujet d’origine.");
			// the replayed message fails again and comes back as a new dead letter: the one replayed says so
			assertThat(browser.driver().findElements(By.cssSelector(".card")).stream()
				.filter((c) -> c.getText().contains(key))
				.map(WebElement::getText))
				.anyMatch((text) -> text.contains("1 fois"));
		}
	}

	@Test
	void theAdministratorReadsTheImpactDashboardWithItsCharts() throws Exception {
		String gateway = RunningSystem.get().gateway();
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("admin@mutualis.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/admin/impact?mesure=spaceHours");
			browser.find(By.id("titre-byMonth"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
				.until((driver) -> "true".equals(driver.findElement(By.tagName("html")).getAttribute("data-charts-drawn")));
			List<WebElement> charts = browser.driver().findElements(By.cssSelector("figure.chart canvas"));
			assertThat(charts).as("a chart drawn at least by month and by kind (MRC and sector only where bookings were completed)")
				.hasSizeGreaterThanOrEqualTo(2);
			assertThat(browser.text()).contains("Impact de la mise en commun").contains("Heures de personnel")
				.contains("Jours-équipement").contains("Heures d’espaces").contains("Économies estimées")
				.contains("Organisations actives").contains("Par MRC").contains("Espace");
			browser.check("impact");

			String csv = fetch(browser, browser.find(By.partialLinkText("Télécharger les chiffres")).getAttribute("href"));
			assertThat(csv).isNotBlank();

			browser.go("/admin/impact?de=2026-12&a=2026-01");
			browser.find(By.id("a-erreur"));
			assertThat(browser.text()).contains("Le dernier mois doit venir après le premier.");
		}
	}

	private static void submit(Browser browser, String action) {
		browser.find(By.cssSelector("form[action$='/" + action + "'] button[type=submit]")).click();
	}

	private static int firstBlankRow(Browser browser) {
		List<WebElement> days = browser.driver().findElements(By.cssSelector("select[name=day]"));
		for (int i = 0; i < days.size(); i++) {
			if (new Select(days.get(i)).getFirstSelectedOption().getAttribute("value").isEmpty()) {
				return i;
			}
		}
		throw new AssertionError("no blank window row");
	}

	private static int firstBlankClosure(Browser browser) {
		List<WebElement> starts = browser.driver().findElements(By.cssSelector("input[name=closedFrom]"));
		for (int i = 0; i < starts.size(); i++) {
			if (starts.get(i).getAttribute("value").isEmpty()) {
				return i;
			}
		}
		throw new AssertionError("no blank closure row");
	}

	private static WebElement memberRow(Browser browser, String email) {
		return browser.driver().findElements(By.cssSelector("tbody tr")).stream()
			.filter((r) -> r.getText().contains(email))
			.findFirst()
			.orElseThrow(() -> new AssertionError(email + " is not among the members"));
	}

	/** The role column (e-mail, then role) of a member's row. */
	private static String roleOf(Browser browser, String email) {
		return memberRow(browser, email).findElements(By.tagName("td")).get(1).getText();
	}

	/** Whether every line of a download ends with CRLF. */
	private static boolean everyLineEndsWithCrLf(Browser browser, String href) {
		return (Boolean) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((r) => r.text()).then((t) => done(t.endsWith('\\r\\n')
				  && t.split('\\n').length === t.split('\\r\\n').length), () => done(false));
				""", href);
	}

	/** The first three bytes of a download, in hexadecimal. */
	private static String firstBytes(Browser browser, String href) {
		return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((r) => r.arrayBuffer()).then((b) => done(Array.from(new Uint8Array(b).slice(0, 3))
				  .map((x) => x.toString(16).padStart(2, '0')).join('')), (e) => done(String(e)));
				""", href);
	}

	/** Reads a download the way the browser would get it (same session), as text. */
	private static String fetch(Browser browser, String href) {
		return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((r) => r.ok ? r.text() : 'HTTP ' + r.status).then(done, (e) => done(String(e)));
				""", href);
	}

	/** A published hourly room of the organisation, found through the API. */
	private static String publishedRoomOf(Api manager, String organisation) throws Exception {
		for (JsonNode listing : manager.get("/api/listings/organisations/" + organisation).json().values()) {
			if ("PUBLISHED".equals(listing.get("status").asString()) && "SPACE".equals(listing.get("kind").asString())) {
				return listing.get("id").asString();
			}
		}
		throw new AssertionError("no published room of " + organisation + " in the demo data");
	}

}
