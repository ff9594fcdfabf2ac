package org.mutualis.listings;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.photo.application.PhotoManagement;
import org.mutualis.listings.report.ReportReason;
import org.mutualis.listings.report.application.ReportHandling;
import org.mutualis.platform.test.AuthorizationMatrix;
import org.mutualis.platform.test.EndpointInventory;
import org.mutualis.platform.test.TestActors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutualis.platform.test.TestActors.ADMIN;
import static org.mutualis.platform.test.TestActors.ANONYMOUS;
import static org.mutualis.platform.test.TestActors.MANAGER_A;
import static org.mutualis.platform.test.TestActors.MANAGER_B;
import static org.mutualis.platform.test.TestActors.MEMBER_A;
import static org.mutualis.platform.test.TestActors.MEMBER_B;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every endpoint against the six actors. Each cell runs on fresh objects of organisation A, so that one actor's
 * success does not change the next actor's answer. Objects another organisation may not see answer 404 (no leak).
 */
class AuthorizationMatrixTest extends ApiTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Autowired
	private PhotoManagement photos;

	@Autowired
	private ReportHandling reports;

	private AuthorizationMatrix<Fixture> rows() {
		AuthorizationMatrix<Fixture> rows = new AuthorizationMatrix<>();
		rows.row("GET /api/listings/categories", (f) -> get("/api/listings/categories"), 200, 200, 200, 200, 200, 200);
		rows.row("GET /api/listings/search", (f) -> get("/api/listings/search?q=salle"), 200, 200, 200, 200, 200, 200);
		rows.row("POST /api/listings", (f) -> post("/api/listings").contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson()), 401, 403, 201, 403, 201, 403);
		rows.row("GET /api/listings/{id}", (f) -> get("/api/listings/" + f.draft().id()), 404, 200, 200, 404, 404, 200);
		rows.row("PUT /api/listings/{id}", (f) -> put("/api/listings/" + f.draft().id()).header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson("Titre modifié")), 401, 403, 200, 404, 404, 403);
		rows.row("POST /api/listings/{id}/submit", (f) -> post("/api/listings/" + f.draft().id() + "/submit"), 401, 403,
				200, 404, 404, 403);
		rows.row("POST /api/listings/{id}/archive", (f) -> post("/api/listings/" + f.published().id() + "/archive"),
				401, 403, 200, 403, 403, 403);
		rows.row("GET /api/listings/{id}/history", (f) -> get("/api/listings/" + f.published().id() + "/history"), 401,
				403, 200, 403, 403, 200);
		rows.row("GET /api/listings/organisations/{organisationId}",
				(f) -> get("/api/listings/organisations/" + TestActors.ORG_A), 401, 200, 200, 403, 403, 200);
		rows.row("POST /api/listings/{id}/photos", (f) -> multipart("/api/listings/" + f.draft().id() + "/photos")
			.file(new MockMultipartFile("file", "a.png", "image/png", png())), 401, 403, 201, 404, 404, 403);
		rows.row("GET /api/listings/{id}/photos/{photoId}", (f) -> {
			Listing listing = f.publishedWithPhoto();
			return get("/api/listings/" + listing.id() + "/photos/" + listing.photos().get(0).id());
		}, 200, 200, 200, 200, 200, 200);
		// a draft's photo is seen only by whoever sees the draft: without this row, a photo endpoint that forgot the
		// listing's visibility would pass
		rows.row("GET /api/listings/{id}/photos/{photoId} (draft)", (f) -> {
			Listing listing = f.draftWithPhoto();
			return get("/api/listings/" + listing.id() + "/photos/" + listing.photos().get(0).id());
		}, 404, 200, 200, 404, 404, 200);
		rows.row("PUT /api/listings/{id}/photos/order", (f) -> {
			Listing listing = f.draftWithPhoto();
			return put("/api/listings/" + listing.id() + "/photos/order").contentType(MediaType.APPLICATION_JSON)
				.content("{\"photoIds\":[\"" + listing.photos().get(0).id() + "\"]}");
		}, 401, 403, 200, 404, 404, 403);
		rows.row("DELETE /api/listings/{id}/photos/{photoId}", (f) -> {
			Listing listing = f.draftWithPhoto();
			return delete("/api/listings/" + listing.id() + "/photos/" + listing.photos().get(0).id());
		}, 401, 403, 200, 404, 404, 403);
		rows.row("POST /api/listings/{id}/publish", (f) -> decision(f.pending(), "publish"), 401, 403, 403, 403, 403, 200);
		rows.row("POST /api/listings/{id}/reject", (f) -> decision(f.pending(), "reject")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Description incomplète\"}"), 401, 403, 403, 403, 403, 200);
		rows.row("POST /api/listings/{id}/suspend", (f) -> decision(f.published(), "suspend")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Signalements\"}"), 401, 403, 403, 403, 403, 200);
		rows.row("POST /api/listings/{id}/reinstate", (f) -> decision(f.suspended(), "reinstate"),
				401, 403, 403, 403, 403, 200);
		rows.row("GET /api/listings/moderation/queue", (f) -> get("/api/listings/moderation/queue"), 401, 403, 403, 403,
				403, 200);
		rows.row("GET /api/listings/moderation/listings/{id}",
				(f) -> get("/api/listings/moderation/listings/" + f.pending().id()), 401, 403, 403, 404, 404, 200);
		rows.row("POST /api/listings/{id}/reports", (f) -> post("/api/listings/" + f.published().id() + "/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"MISLEADING\",\"details\":\"La salle est plus petite\"}"), 401, 422, 422, 201, 201,
				403);
		rows.row("POST /api/listings/moderation/reports/{reportId}/resolve",
				(f) -> post("/api/listings/moderation/reports/" + f.openReport() + "/resolve")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"outcome\":\"DISMISSED\",\"note\":\"Vérifié\"}"), 401, 403, 403, 403, 403, 200);
		return rows;
	}

	@Test
	void everyEndpointHasARow() {
		// a row named "<endpoint> (<case>)" is one more case of that endpoint
		assertThat(rows().endpoints().stream().map((row) -> row.replaceFirst(" \\(.*\\)$", "")).distinct().toList())
			.containsExactlyInAnyOrderElementsOf(EndpointInventory.of(this.mapping));
	}

	@Test
	void everyActorGetsTheExpectedAnswerFromEveryEndpoint() throws Exception {
		assertThat(rows().mismatches(this.mvc, Fixture::new)).isEmpty();
	}


	/** A moderation decision naming the version the moderator reviewed, as the decisions require. */
	private static AbstractMockHttpServletRequestBuilder<?> decision(Listing listing, String decision) {
		return post("/api/listings/" + listing.id() + "/" + decision).header(HttpHeaders.IF_MATCH,
				"\"" + listing.version() + "\"");
	}

	private static byte[] png() {
		try {
			return TestImages.png(40, 30);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}


	/** Makes fresh objects of organisation A for one cell of the matrix. */
	private final class Fixture {

		Listing draft() {
			return draftOfA();
		}

		Listing pending() {
			return pendingOfA();
		}

		Listing published() {
			return publishedOfA();
		}

		Listing suspended() {
			return suspendedOfA();
		}

		Listing draftWithPhoto() {
			return AuthorizationMatrixTest.this.photos.add(actor(MANAGER_A), draftOfA().id(), png());
		}

		Listing publishedWithPhoto() {
			// the photo is added to the draft: a new photo on a published listing would send it back to review
			Listing draft = AuthorizationMatrixTest.this.photos.add(actor(MANAGER_A), draftOfA().id(), png());
			Listing pending = AuthorizationMatrixTest.this.management.submit(actor(MANAGER_A), draft.id(),
					draft.version());
			return AuthorizationMatrixTest.this.moderation.publish(actor(ADMIN), pending.id(), pending.version());
		}

		String openReport() {
			return AuthorizationMatrixTest.this.reports
				.report(actor(MEMBER_B), publishedOfA().id(), ReportReason.OTHER, "À vérifier")
				.id();
		}

	}

	static {
		// keep the static imports used: the rows above name actors through the switch
		assertThat(List.of(ANONYMOUS, MEMBER_A, MANAGER_A, MEMBER_B, MANAGER_B, ADMIN)).hasSize(6);
	}

}
