package org.mutualis.system;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutualis.system.DemoRooms.Room;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys of issue 11 in a real browser (headless Chromium from the system's packages), in French, against the
 * whole running system through the gateway: a visitor searches and opens a listing; a member of La Ruche books a room
 * of Le Phare and Le Phare's manager confirms it; the administrator publishes a listing awaiting review. Every page
 * type is checked with axe-core and saved at desktop and phone widths under {@code target/screenshots}. Skipped, with
 * a message, where no chromium and chromium-driver are installed.
 */
class BrowserJourneysIT {

	static final String LE_PHARE = "5e1f0002-0000-4000-8000-000000000002";

	@BeforeAll
	static void needsABrowser() {
		Browser.assumeInstalled();
	}

	@Test
	void aVisitorSearchesInFrenchAndOpensAListing() {
		String gateway = RunningSystem.get().gateway();
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.go("/");
			assertThat(browser.text()).contains("Mettre en commun ce que nous avons").contains("Se connecter");
			browser.check("accueil");

			browser.find(By.id("q-accueil")).sendKeys("salle");
			browser.find(By.cssSelector("form[role=search] button[type=submit]")).click();
			browser.find(By.id("resultats"));
			assertThat(browser.path()).startsWith("/recherche?q=salle");
			assertThat(browser.text()).containsPattern("\\d+ résultats?").contains("Espace");
			browser.check("recherche");

			WebElement first = browser.find(By.cssSelector(".cards .card h3 a"));
			String title = first.getText();
			first.click();
			browser.find(By.id("calendrier"));
			assertThat(browser.text()).contains(title).contains("Description").contains("Prix").contains("Lieu")
				.contains("Disponibilités");
			browser.check("annonce");

			browser.go("/annonces/pas-une-annonce!");
			assertThat(browser.text()).contains("Page introuvable");
			browser.check("erreur-404");
		}
	}

	@Test
	void aMemberBooksARoomOfAnotherOrganisationAndItsManagerConfirms() throws Exception {
		RunningSystem system = RunningSystem.get();
		String gateway = system.gateway();
		TokenClient tokens = new TokenClient(gateway);
		Api member = new Api(gateway, null).as(tokens.accessToken("membre@laruche.demo", IdentityJourneyIT.PASSWORD, null));
		Room slot = DemoRooms.free(member, LE_PHARE, 10, false);

		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("membre@laruche.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/");
			assertThat(browser.find(By.id("acting")).getText()).contains("Coopérative La Ruche").contains("membre")
				.doesNotContain("5e1f0001");

			browser.go("/annonces/" + slot.id());
			browser.find(By.id("calendrier"));
			assertThat(browser.text()).contains("Disponibilités").containsAnyOf("libre", "partiellement réservé");
			browser.check("annonce-membre");
			browser.find(By.linkText("Réserver")).click();

			browser.find(By.id("start"));
			browser.check("reserver");
			request(browser, slot, "Assemblée générale de la coopérative");
			browser.find(By.cssSelector(".notice"));
			assertThat(browser.path()).startsWith("/reservations");
			assertThat(browser.text()).contains("Votre demande est envoyée").contains(slot.title(false))
				.contains("Demandée, en attente de réponse").contains("Centre communautaire Le Phare");
			browser.check("reservations");

			browser.signIn("gestion@lephare.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/demandes");
			browser.find(By.tagName("h1"));
			browser.check("demandes");
			WebElement request = browser.driver()
				.findElements(By.cssSelector(".cards .card"))
				.stream()
				.filter((card) -> card.getText().contains(slot.title(false))
						&& card.getText().contains("Assemblée générale de la coopérative"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the request is not among Le Phare's incoming requests"));
			request.findElement(By.xpath(".//button[normalize-space()='Confirmer']")).click();
			browser.find(By.cssSelector(".notice"));
			assertThat(browser.text()).contains("La demande est confirmée.");

			browser.go("/mes-annonces");
			browser.find(By.tagName("h1"));
			browser.check("mes-annonces");
			browser.go("/mes-annonces/" + slot.id() + "/modifier");
			browser.find(By.id("title-fr"));
			browser.check("modifier-annonce");
		}

		JsonNode confirmed = member.get("/api/bookings?view=upcoming&size=100").json().get("items");
		assertThat(confirmed.values().stream()
			.filter((b) -> b.get("listingId").asString().equals(slot.id())
					&& "Assemblée générale de la coopérative".equals(b.path("message").asString())))
			.anyMatch((b) -> b.get("status").asString().equals("CONFIRMED"));
	}

	@Test
	void aManagerCreatesAListingAddsAPhotoAndSubmitsIt() throws Exception {
		String gateway = RunningSystem.get().gateway();
		java.nio.file.Path photo = java.nio.file.Files.createTempFile("salle-", ".png");
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 200,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		javax.imageio.ImageIO.write(image, "png", photo.toFile());
		String title = "Salle de réunion du sous-sol " + System.nanoTime();
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("gestion@laruche.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/mes-annonces/nouvelle");
			browser.find(By.id("title-fr")).sendKeys(title);
			browser.find(By.id("description-fr")).sendKeys("Salle de 20 places avec écran, au sous-sol.");
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("categoryCode"))).selectByIndex(1);
			browser.find(By.id("traits-capacityPersons")).sendKeys("20");
			browser.find(By.id("location-municipality")).sendKeys("Châteauguay");
			browser.find(By.id("location-mrc")).sendKeys("Roussillon");
			browser.find(By.id("contact-name")).sendKeys("Gestion La Ruche");
			browser.check("nouvelle-annonce");
			browser.find(By.cssSelector("main form.stacked > button[type=submit]")).click();

			browser.find(By.cssSelector(".notice"));
			assertThat(browser.text()).contains("L’annonce est créée comme brouillon").contains("Brouillon");
			browser.find(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
			browser.find(By.xpath("//form[contains(@action, '/photos')]//button")).click();
			browser.waitForText("La photo est ajoutée.");
			assertThat(browser.driver().findElements(By.cssSelector(".photos img"))).hasSize(1);

			browser.go("/mes-annonces");
			WebElement row = browser.driver()
				.findElements(By.cssSelector("table.data tbody tr"))
				.stream()
				.filter((r) -> r.getText().contains(title))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the new listing is not among La Ruche's listings"));
			row.findElement(By.xpath(".//button[normalize-space()='Soumettre pour examen']")).click();
			browser.find(By.cssSelector(".notice"));
			assertThat(browser.text()).contains("L’annonce est soumise").contains("En attente d’examen");
		}
		finally {
			java.nio.file.Files.deleteIfExists(photo);
		}
	}

	@Test
	void theAdministratorPublishesAListingAwaitingReview() throws Exception {
		String gateway = RunningSystem.get().gateway();
		try (Browser browser = Browser.open(gateway, "fr-CA")) {
			browser.signIn("admin@mutualis.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/admin/organisations");
			browser.find(By.tagName("h1"));
			assertThat(browser.text()).contains("Organisations en attente d’approbation");
			browser.check("admin-organisations");

			browser.go("/admin/moderation");
			browser.find(By.id("en-attente"));
			browser.check("admin-moderation");
			WebElement publish = browser.find(By.xpath("//form[contains(@action, '/publish')]"));
			String action = publish.getAttribute("action");
			String listingId = action.substring(action.indexOf("/admin/moderation/") + 18, action.lastIndexOf('/'));
			assertThat(new Api(gateway, null).get("/api/listings/" + listingId).status()).isEqualTo(404);
			publish.findElement(By.tagName("button")).click();
			browser.find(By.cssSelector(".notice"));
			assertThat(browser.text()).contains("L’annonce est publiée.");
			Api.Response published = new Api(gateway, null).get("/api/listings/" + listingId);
			assertThat(published.status()).isEqualTo(200);
			assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
		}
	}

	@Test
	void aMemberBooksInEnglish() throws Exception {
		String gateway = RunningSystem.get().gateway();
		Api member = new Api(gateway, null)
			.as(new TokenClient(gateway).accessToken("membre@jardins.demo", IdentityJourneyIT.PASSWORD, null));
		Room slot = DemoRooms.free(member, LE_PHARE, 10, false);
		try (Browser browser = Browser.open(gateway, "en")) {
			browser.signIn("membre@jardins.demo", IdentityJourneyIT.PASSWORD);
			browser.go("/annonces/" + slot.id() + "?lang=en");
			browser.find(By.id("calendrier"));
			assertThat(browser.find(By.id("acting")).getText()).contains("for Les Jardins solidaires, member");
			assertThat(browser.text()).contains("Availability").contains("At a glance");
			browser.find(By.linkText("Book")).click();
			browser.find(By.id("start"));
			request(browser, slot, "Seed swap");
			browser.find(By.cssSelector(".notice"));
			assertThat(browser.text()).contains("Your request is sent").contains(slot.title(true))
				.contains("Requested, awaiting an answer");
			browser.check("bookings-en");
		}
	}

	private static void request(Browser browser, Room slot, String message) {
		browser.set("start", slot.start().toString());
		browser.set("end", slot.end().toString());
		browser.set("quantity", "1");
		List<WebElement> accept = browser.driver().findElements(By.id("acceptPrerequisites"));
		if (!accept.isEmpty() && accept.get(0).isDisplayed()) {
			accept.get(0).click();
		}
		browser.find(By.id("message")).sendKeys(message);
		browser.find(By.cssSelector("main form button[type=submit]")).click();
	}


}
