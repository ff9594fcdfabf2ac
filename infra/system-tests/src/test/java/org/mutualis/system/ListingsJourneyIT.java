package org.mutualis.system;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4, end to end through the gateway on the running system: a manager creates a listing with a photo and
 * submits it, the administrator rejects it with a reason, the manager fixes and resubmits it, the administrator
 * publishes it, a visitor finds it with a French query typed without accents, a member of another organisation
 * reports it, and the administrator suspends it. Each refusal on the way is a problem in French and English.
 */
class ListingsJourneyIT {

	static final String PASSWORD = IdentityJourneyIT.PASSWORD;

	static final String LA_RUCHE = IdentityJourneyIT.LA_RUCHE;

	private static Api anonymous;

	private static TokenClient tokens;

	@BeforeAll
	static void startSystem() {
		RunningSystem system = RunningSystem.get();
		anonymous = new Api(system.gateway(), null);
		tokens = new TokenClient(system.gateway());
	}

	@Test
	void createRejectFixPublishFindReportSuspend() throws Exception {
		String marker = "Ruchette" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
		Api manager = anonymous.as(tokens.accessToken("gestion@laruche.demo", PASSWORD, LA_RUCHE));
		Api admin = anonymous.as(tokens.accessToken("admin@mutualis.demo", PASSWORD, null));
		Api otherMember = anonymous.as(tokens.accessToken("membre@lephare.demo", PASSWORD, null));

		Api.Response created = manager.post("/api/listings", listingJson("Salle d’exposition éclairée " + marker));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.json().get("title").has("empty")).as("only the texts travel").isFalse();

		Api.Response photo = manager.send(multipartPng(manager.request("/api/listings/" + id + "/photos")));
		assertThat(photo.status()).as(photo.body()).isBetween(200, 201);
		Api.Response notAPhoto = manager.send(multipart(manager.request("/api/listings/" + id + "/photos"), "photo.jpg",
				"image/jpeg", "ceci n'est pas une image".getBytes(StandardCharsets.UTF_8)));
		assertBilingualProblem(notAPhoto, 400);

		// the organisation's approval reaches listings through identity's events
		await().atMost(Duration.ofSeconds(30)).until(() -> manager.post("/api/listings/" + id + "/submit", null).status() == 200);

		assertBilingualProblem(otherMember.post("/api/listings/" + id + "/publish", null), 403);
		Api.Response rejected = admin.postAtVersionSeen("/api/listings/" + id, "reject",
				"{\"reason\":\"Précisez la capacité de la salle.\"}");
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");

		Api.Response current = manager.get("/api/listings/" + id);
		String etag = current.raw().headers().firstValue("ETag").orElseThrow();
		Api.Response fixed = manager.send(manager.request("/api/listings/" + id)
			.header("Content-Type", "application/json")
			.header("If-Match", etag)
			.PUT(HttpRequest.BodyPublishers.ofString(listingJson("Salle d’exposition éclairée " + marker + ", 60 places"))));
		assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
		Api.Response stale = manager.send(manager.request("/api/listings/" + id)
			.header("Content-Type", "application/json")
			.header("If-Match", etag)
			.PUT(HttpRequest.BodyPublishers.ofString(listingJson("Écrasement silencieux " + marker))));
		assertBilingualProblem(stale, 409);
		assertThat(manager.post("/api/listings/" + id + "/submit", null).status()).isEqualTo(200);

		assertBilingualProblem(admin.post("/api/listings/" + id + "/publish", null), 428);
		Api.Response published = admin.postAtVersionSeen("/api/listings/" + id, "publish", null);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

		String query = "/api/listings/search?q=" + URLEncoder.encode("salles eclairees " + marker.toLowerCase(), StandardCharsets.UTF_8);
		Api.Response found = anonymous.get(query);
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		JsonNode first = found.json().get("items").get(0);
		assertThat(first.get("id").asString()).isEqualTo(id);

		Api.Response reported = otherMember.post("/api/listings/" + id + "/reports",
				"{\"reason\":\"MISLEADING\",\"details\":\"La salle n’est plus offerte.\"}");
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		assertThat(admin.get("/api/listings/moderation/queue").body()).contains(id);

		Api.Response suspended = admin.postAtVersionSeen("/api/listings/" + id, "suspend",
				"{\"reason\":\"Signalement confirmé.\"}");
		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
		assertThat(anonymous.get(query).body()).doesNotContain(id);
		assertThat(anonymous.get("/api/listings/" + id).status()).isEqualTo(404);
	}

	@Test
	void findsDemoListingsWithAFrenchQueryWithoutAccents() throws Exception {
		Api.Response found = anonymous.get("/api/listings/search?q=equipement");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("total").asInt()).isPositive();
	}

	private static void assertBilingualProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).startsWith("urn:mutualis:problem:");
		assertThat(problem.get("messages").get("fr").asString()).isNotBlank();
		assertThat(problem.get("messages").get("en").asString()).isNotBlank()
			.isNotEqualTo(problem.get("messages").get("fr").asString());
	}

	static String listingJson(String titleFr) {
		return """
				{"kind":"SPACE","title":{"fr":"%s","en":"Lit exhibition room"},
				 "description":{"fr":"Salle lumineuse pour expositions et ateliers.","en":"Bright room for exhibitions and workshops."},
				 "categoryCode":"meeting-rooms","tags":["exposition","atelier"],
				 "location":{"municipality":"Vaudreuil-Dorion","mrc":"Vaudreuil-Soulanges",
				   "address":"400 boulevard Harwood","latitude":45.4000,"longitude":-74.0330},
				 "bookableAtOnce":1,"unit":"HALF_DAY","costRecovery":{"mode":"FREE"},
				 "marketValuePerUnit":120,"traits":{"capacityPersons":60,"areaSquareMetres":90},
				 "availability":{"weekly":[{"day":"TUESDAY","from":"09:00","to":"21:00"}],"blackouts":[]},
				 "bookingPolicy":{"mode":"APPROVAL","minDurationMinutes":180,"maxDurationMinutes":720,"minNoticeHours":48,
				   "maxAdvanceDays":120,"bufferBeforeMinutes":30,"bufferAfterMinutes":30},
				 "prerequisites":[{"fr":"Assurance responsabilité civile","en":"Liability insurance"}],
				 "contact":{"name":"Gestion La Ruche","email":"gestion@laruche.demo","phone":"450-555-0110"}}
				""".formatted(titleFr);
	}

	private static HttpRequest.Builder multipartPng(HttpRequest.Builder request) throws Exception {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(31, 95, 74));
		graphics.fillRect(0, 0, 64, 48);
		graphics.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return multipart(request, "salle.png", "image/png", png.toByteArray());
	}

	private static HttpRequest.Builder multipart(HttpRequest.Builder request, String filename, String type, byte[] content) {
		String boundary = "mutualis-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

}
