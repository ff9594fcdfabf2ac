package org.mutualis.system;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's listing management and administration in a real browser, in French, against the whole running system
 * through the gateway: La Ruche's manager uploads a photo and sees its progress (a file that is not an image, or too
 * large, is refused beside the field; without JavaScript the plain form still sends it), is told plainly what someone
 * else changed when saving a listing they changed meanwhile (and a municipality left empty is refused beside it), and
 * archives a listing; the administrator rejects a listing awaiting review and suspends a reported one, each with a
 * reason (a reason of spaces is refused beside it), and approves an organisation that registered. Each new page type is
 * checked with axe-core and saved at desktop and phone widths. Skipped, with a message, where no chromium and
 * chromium-driver are installed.
 */
class BrowserAdministrationJourneysIT {

	private static final String MANAGER = "gestion@laruche.demo";

	private static final String ADMIN = "admin@mutualis.demo";

	private static String gateway;

	@BeforeAll
	static void needsABrowser() {
		Browser.assumeInstalled();
		gateway = RunningSystem.get().gateway();
	}

	@Test
	void aManagerUploadsAPhotoWithItsProgressAndIsRefusedAFileThatIsNotAnImage() throws Exception {
		String listing = draft(as(MANAGER), "Salle aux photos " + marker());
		Path photo = Files.createTempFile("salle-", ".png");
		Path notes = Files.createTempFile("notes-", ".txt");
		Path large = Files.createTempFile("grande-", ".png");
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			// a few hundred kilobytes: noise does not compress
			BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
			for (int x = 0; x < image.getWidth(); x++) {
				for (int y = 0; y < image.getHeight(); y++) {
					image.setRGB(x, y, ThreadLocalRandom.current().nextInt(0x1000000));
				}
			}
			ImageIO.write(image, "png", photo.toFile());
			assertThat(Files.size(photo)).isBetween(200_000L, 1_000_000L);
			Files.writeString(notes, "Ceci n’est pas une image.", StandardCharsets.UTF_8);

			browser.signIn(MANAGER, IdentityJourneyIT.PASSWORD);
			browser.go("/mes-annonces/" + listing + "/modifier");
			WebElement progress = browser.find(By.id("photo-progression"));
			assertThat(progress.getAttribute("max")).isEqualTo("100");
			assertThat(progress.isDisplayed()).as("hidden until something is sent").isFalse();
			// a mark on this page: it stays only if the script sent the photo without loading a new page
			JavascriptExecutor js = browser.driver();
			js.executeScript("window.sameDocument = true;");

			browser.find(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
			browser.find(By.xpath("//form[contains(@action, '/photos')]//button")).click();
			browser.waitForText("La photo est ajoutée.");
			assertThat(js.executeScript("return window.sameDocument === true;")).isEqualTo(Boolean.TRUE);
			assertThat(js.executeScript("return document.body.getAttribute('data-photo-upload-progress');"))
				.as("the progress bar's highest value, recorded by the script").isEqualTo("100");
			assertThat(browser.driver().findElements(By.cssSelector(".photos img"))).hasSize(1);
			assertThat(browser.find(By.cssSelector("form[data-photo-upload] button[type=submit]")).isEnabled()).isTrue();
			assertThat(as(MANAGER).get("/api/listings/" + listing).json().get("photos").size()).isEqualTo(1);
			browser.check("annonce-photo-envoyee");

			js.executeScript("document.body.removeAttribute('data-photo-upload-progress');");
			browser.find(By.id("file")).sendKeys(notes.toAbsolutePath().toString());
			browser.find(By.xpath("//form[contains(@action, '/photos')]//button")).click();
			WebElement refusal = browser.find(By.id("photo-erreur"));
			assertThat(refusal.getText()).isNotBlank().doesNotContain("image is").doesNotContain("not an image");
			assertThat(browser.find(By.id("file")).getAttribute("aria-describedby")).isEqualTo("photo-erreur");
			assertThat(js.executeScript("return window.sameDocument === true;")).isEqualTo(Boolean.TRUE);
			assertThat(js.executeScript("return document.body.getAttribute('data-photo-upload-progress');"))
				.isEqualTo("100");
			assertThat(browser.driver().findElements(By.cssSelector(".photos img"))).hasSize(1);
			browser.check("annonce-photo-refusee");

			// larger than listings' 5 MB: refused beside the field at once, nothing sent
			byte[] heavy = new byte[6 * 1024 * 1024];
			ThreadLocalRandom.current().nextBytes(heavy);
			Files.write(large, heavy);
			js.executeScript("document.body.removeAttribute('data-photo-upload-progress');");
			browser.find(By.id("file")).sendKeys(large.toAbsolutePath().toString());
			browser.find(By.xpath("//form[contains(@action, '/photos')]//button")).click();
			browser.waitForText("Cette photo dépasse 5 Mo : choisissez-en une plus légère.");
			assertThat(browser.find(By.id("photo-erreur")).getText())
				.isEqualTo("Cette photo dépasse 5 Mo : choisissez-en une plus légère.");
			assertThat(browser.find(By.id("file")).getAttribute("aria-describedby")).isEqualTo("photo-erreur");
			assertThat(js.executeScript("return document.body.getAttribute('data-photo-upload-progress');")).isNull();
		}
		finally {
			Files.deleteIfExists(photo);
			Files.deleteIfExists(notes);
			Files.deleteIfExists(large);
		}
	}

	@Test
	void withoutJavaScriptThePlainPhotoFormStillWorks() throws Exception {
		String listing = draft(as(MANAGER), "Salle sans script " + marker());
		Path photo = Files.createTempFile("salle-", ".png");
		Path large = Files.createTempFile("lourde-", ".jpg");
		try (Browser browser = Browser.openWithoutScripts(gateway, "fr-CA")) {
			ImageIO.write(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
			browser.signIn(MANAGER, IdentityJourneyIT.PASSWORD);
			browser.go("/mes-annonces/" + listing + "/modifier");
			assertThat(browser.find(By.id("photo-progression")).isDisplayed()).isFalse();
			browser.find(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
			browser.find(By.xpath("//form[contains(@action, '/photos')]//button")).click();
			browser.waitForText("La photo est ajoutée.");
			assertThat(browser.driver().findElements(By.cssSelector(".photos img"))).hasSize(1);
			assertThat(browser.find(By.id("photo-progression")).isDisplayed()).as("no script showed it").isFalse();
			// the script would have left its mark on the body, which a sent form's new page does not have
			assertThat(browser.find(By.tagName("body")).getDomAttribute("data-photo-upload-progress")).isNull();

			// a 6 MB file by the plain form: the edit page with the refusal beside the file field (it was a 403 page
			// when web's multipart limit hid the form's CSRF field)
			Files.write(large, new byte[6 * 1024 * 1024]);
			browser.find(By.id("file")).sendKeys(large.toAbsolutePath().toString());
			browser.find(By.xpath("//form[contains(@action, '/photos')]//button")).click();
			WebElement refusal = browser.find(By.id("photo-erreur"));
			assertThat(refusal.getText()).startsWith("Cette photo dépasse 5 Mo").endsWith("choisissez-en une plus légère.");
			assertThat(browser.find(By.id("file")).getAttribute("aria-describedby")).isEqualTo("photo-erreur");
			assertThat(browser.path()).isEqualTo("/mes-annonces/" + listing + "/modifier");
		}
		finally {
			Files.deleteIfExists(photo);
			Files.deleteIfExists(large);
		}
		assertThat(as(MANAGER).get("/api/listings/" + listing).json().get("photos").size()).isEqualTo(1);
	}

	@Test
	void aManagerSavingAListingSomeoneElseChangedIsToldWhatChangedAndAnEmptyPlaceIsRefusedBesideIt() throws Exception {
		Api manager = as(MANAGER);
		String marker = marker();
		String listing = draft(manager, "Salle du conflit " + marker);
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(MANAGER, IdentityJourneyIT.PASSWORD);
			browser.go("/mes-annonces/" + listing + "/modifier");
			browser.find(By.id("title-fr"));

			// someone else renames it while the page is open
			Api.Response current = manager.get("/api/listings/" + listing);
			ObjectNode other = (ObjectNode) current.json();
			((ObjectNode) other.get("title")).put("fr", "Salle renommée " + marker);
			Api.Response put = manager.send(manager.request("/api/listings/" + listing)
				.header("Content-Type", "application/json")
				.header("If-Match", current.raw().headers().firstValue("ETag").orElseThrow())
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ListingEditBody.of(other))));
			assertThat(put.status()).as(put.body()).isEqualTo(200);

			WebElement description = browser.find(By.id("description-fr"));
			description.clear();
			description.sendKeys("Salle de 30 places, rénovée.");
			save(browser);
			browser.waitForText("Quelqu’un d’autre a enregistré cette annonce pendant que vous la modifiiez.");
			assertThat(browser.text()).contains("Ce que l’autre personne a changé").contains("Titre en français")
				.doesNotContain("stale-version");
			assertThat(browser.find(By.id("description-fr")).getAttribute("value")).isEqualTo("Salle de 30 places, rénovée.");
			browser.check("annonce-conflit");

			// saving again, now that the person has seen the change, goes through
			save(browser);
			browser.waitForText("Vos modifications sont enregistrées.");
			assertThat(manager.get("/api/listings/" + listing).json().get("description").get("fr").asString())
				.isEqualTo("Salle de 30 places, rénovée.");

			// a municipality left empty is refused by listings, beside the municipality
			browser.find(By.id("location-municipality")).clear();
			save(browser);
			WebElement refusal = browser.find(By.id("location-municipality-erreur"));
			assertThat(refusal.getText()).isNotBlank();
			assertThat(browser.find(By.id("location-municipality")).getAttribute("aria-describedby"))
				.isEqualTo("location-municipality-erreur");
			assertThat(manager.get("/api/listings/" + listing).json().get("location").get("municipality").asString())
				.isEqualTo("Vaudreuil-Dorion");
			browser.check("annonce-refus-titre");
		}
	}

	@Test
	void aManagerArchivesAListing() throws Exception {
		Api manager = as(MANAGER);
		String title = "Salle à archiver " + marker();
		String listing = draft(manager, title);
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(MANAGER, IdentityJourneyIT.PASSWORD);
			browser.go("/mes-annonces");
			row(browser, title).findElement(By.xpath(".//button[normalize-space()='Archiver']")).click();
			browser.waitForText("L’annonce est archivée.");
			WebElement archived = row(browser, title);
			assertThat(archived.getText()).contains("Archivée");
			assertThat(archived.findElements(By.xpath(".//button[normalize-space()='Archiver']"))).isEmpty();
			browser.check("mes-annonces-archivee");
		}
		assertThat(manager.get("/api/listings/" + listing).json().get("status").asString()).isEqualTo("ARCHIVED");
	}

	@Test
	void theAdministratorRejectsAListingAwaitingReviewWithAReason() throws Exception {
		Api manager = as(MANAGER);
		String title = "Salle à examiner " + marker();
		String listing = draft(manager, title);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> manager.post("/api/listings/" + listing + "/submit", null).status() == 200);
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(ADMIN, IdentityJourneyIT.PASSWORD);
			browser.go("/admin/moderation");
			browser.find(By.id("rejet-" + listing)).sendKeys("   ");
			button(browser, listing, "reject").click();
			WebElement refusal = browser.find(By.id("rejet-" + listing + "-erreur"));
			assertThat(refusal.getText()).isEqualTo("Ce champ est obligatoire.");
			assertThat(browser.find(By.id("rejet-" + listing)).getAttribute("aria-describedby"))
				.isEqualTo("rejet-" + listing + "-erreur");
			browser.check("moderation-refus");

			browser.find(By.id("rejet-" + listing)).sendKeys("Précisez la capacité de la salle.");
			button(browser, listing, "reject").click();
			browser.waitForText("L’annonce est refusée; l’organisation verra votre raison.");
			assertThat(browser.driver().findElements(By.id("rejet-" + listing))).isEmpty();
		}
		JsonNode rejected = manager.get("/api/listings/" + listing).json();
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void theAdministratorSuspendsAReportedListingWithAReason() throws Exception {
		String title = "Salle signalée " + marker();
		String listing = BookingJourneyIT.publishedListing(as(MANAGER), as(ADMIN), ListingsJourneyIT.listingJson(title));
		Api.Response reported = as("membre@lephare.demo").post("/api/listings/" + listing + "/reports",
				"{\"reason\":\"MISLEADING\",\"details\":\"La salle n’existe plus à cette adresse.\"}");
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		Api visitor = new Api(gateway, null);
		assertThat(visitor.get("/api/listings/" + listing).status()).isEqualTo(200);
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(ADMIN, IdentityJourneyIT.PASSWORD);
			browser.go("/admin/moderation");
			WebElement card = browser.find(By.xpath("//section[@aria-labelledby='signalees']//li[contains(@class, 'card')]"
					+ "[.//input[@id='suspension-" + listing + "']]"));
			assertThat(card.getText()).contains(title).contains("La salle n’existe plus à cette adresse.");
			browser.check("moderation-signalee");
			browser.find(By.id("suspension-" + listing)).sendKeys("Signalement confirmé par le pôle.");
			button(browser, listing, "suspend").click();
			browser.waitForText("L’annonce est suspendue.");
			assertThat(browser.driver().findElements(By.id("suspension-" + listing))).isEmpty();
		}
		assertThat(visitor.get("/api/listings/" + listing).status()).isEqualTo(404);
	}

	@Test
	void theAdministratorApprovesAnOrganisationThatRegistered() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String name = "Cuisine collective " + suffix;
		String email = "gestion-" + suffix + "@cuisine.test";
		Api.Response registered = new Api(gateway, null).post("/api/identity/organisations", """
				{"name":"%s","legalForm":"COOPERATIVE","sector":"Alimentation",
				 "mrc":"Roussillon","municipality":"Châteauguay","contactEmail":"%s","preferredLanguage":"fr",
				 "manager":{"email":"%s","displayName":"Gestion Cuisine","password":"Cuisine-%s-Collective"}}
				""".formatted(name, email, email, suffix));
		assertThat(registered.status()).as(registered.body()).isEqualTo(202);
		Api admin = as(ADMIN);
		String organisation = admin.registeredOrganisationNamed(name);
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn(ADMIN, IdentityJourneyIT.PASSWORD);
			browser.go("/admin/organisations");
			WebElement card = browser.find(By.xpath("//li[contains(@class, 'card')][.//h2[normalize-space()='" + name + "']]"));
			assertThat(card.getText()).contains("Châteauguay (Roussillon)").contains(email);
			browser.check("admin-organisation-en-attente");
			card.findElement(By.xpath(".//button[normalize-space()='Approuver']")).click();
			browser.waitForText("L’organisation est approuvée.");
			assertThat(browser.text()).doesNotContain(name);
		}
		assertThat(admin.get("/api/identity/admin/organisations?status=REGISTERED&size=100").body())
			.doesNotContain(organisation);
		assertThat(admin.get("/api/identity/admin/organisations?status=APPROVED&size=100").body()).contains(organisation);
	}

	private static Api as(String email) throws Exception {
		return new Api(gateway, null).as(new TokenClient(gateway).accessToken(email, IdentityJourneyIT.PASSWORD, null));
	}

	private static String marker() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** A draft listing of the manager's organisation, created through listings' API. */
	private static String draft(Api manager, String title) throws Exception {
		Api.Response created = manager.post("/api/listings", ListingsJourneyIT.listingJson(title));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static void save(Browser browser) {
		browser.find(By.cssSelector("main form.stacked > button[type=submit]")).click();
	}

	private static WebElement row(Browser browser, String title) {
		return browser.driver().findElements(By.cssSelector("table.data tbody tr")).stream()
			.filter((r) -> r.getText().contains(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + title + " on " + browser.path()));
	}

	private static WebElement button(Browser browser, String listing, String action) {
		return browser.find(By.cssSelector("form[action$='/admin/moderation/" + listing + "/" + action
				+ "'] button[type=submit]"));
	}

}
