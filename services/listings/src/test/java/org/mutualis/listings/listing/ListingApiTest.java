package org.mutualis.listings.listing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.listings.TestImages;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ListingApiTest extends ApiTestSupport {

	@Test
	void createsADraftAnsweringWithItsVersion() throws Exception {
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson()))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.ownerOrganisationId").value(TestActors.ORG_A))
			.andExpect(jsonPath("$.timeZone").value("America/Toronto"));
	}

	@Test
	void badInputIsAProblemNamingTheFieldsAndWritesNothing() throws Exception {
		long before = this.mongo.getCollection("listings").countDocuments();
		String broken = ListingFixtures.roomJson()
			.replace("\"bookableAtOnce\":40", "\"bookableAtOnce\":0")
			.replace("\"categoryCode\":\"meeting-rooms\"", "\"categoryCode\":\"\"");
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(broken))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[?(@.field == 'bookableAtOnce')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'categoryCode')]").exists());
		assertThat(this.mongo.getCollection("listings").countDocuments()).isEqualTo(before);
	}

	@Test
	void domainRuleViolationsAreFieldProblemsInTheCallersLanguage() throws Exception {
		String spaceWithoutCapacity = ListingFixtures.roomJson().replace("\"capacityPersons\":80,", "");
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(spaceWithoutCapacity))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:invalid-listing"))
			.andExpect(jsonPath("$.errors[0].field").value("traits.capacityPersons"))
			.andExpect(jsonPath("$.errors[0].message").value("Indiquez la capacité (nombre de personnes) de l’espace."))
			.andExpect(jsonPath("$.messages.en").value("The listing has invalid fields."));
	}

	@Test
	void readOnlyFieldsInTheBodyAreRefusedNotBound() throws Exception {
		for (String field : new String[] { "\"status\":\"PUBLISHED\",", "\"ownerOrganisationId\":\"" + TestActors.ORG_B + "\"," }) {
			this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(ListingFixtures.roomJson().replaceFirst("\\{", "{" + field)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:mutualis:problem:unreadable-body"));
		}
	}

	@Test
	void unknownCategoryIsRefused() throws Exception {
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson().replace("meeting-rooms", "spaceships")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:unknown-category"));
	}

	@Test
	void resendingAPublishedListingWithItsPriceAtAnotherScaleKeepsItPublished() throws Exception {
		String body = ListingFixtures.roomJson("Salle à garder publiée");
		String id = body(this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn()).get("id").asString();
		this.management.submit(actor(TestActors.MANAGER_A), id, null);
		Listing published = this.moderation.publish(actor(TestActors.ADMIN), id,
				this.management.read(actor(TestActors.MANAGER_A), id).version());
		// the same listing, its rate written 25 instead of 25.00: the same price, no edit to review
		this.mvc.perform(put("/api/listings/" + id).with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.IF_MATCH, "\"" + published.version() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("\"amount\":25.00", "\"amount\":25")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
	}

	@Test
	void staleEditIsAConflictAndNeverOverwrites() throws Exception {
		Listing draft = draftOfA();
		this.mvc.perform(put("/api/listings/" + draft.id()).with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson("Première modification")))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
		this.mvc.perform(put("/api/listings/" + draft.id()).with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson("Modification périmée")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:stale-version"));
		assertThat(this.management.read(actor(TestActors.MANAGER_A), draft.id()).details().title().fr()).isEqualTo("Première modification");
	}

	@Test
	void concurrentEditsOfOneVersionLetExactlyOneWin() throws Exception {
		Listing draft = draftOfA();
		int writers = 8;
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.atomic.AtomicInteger wins = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
			for (int i = 0; i < writers; i++) {
				String title = "Version " + i;
				pool.submit(() -> {
					start.await();
					try {
						this.management.edit(actor(TestActors.MANAGER_A), draft.id(), 0L, ListingFixtures.roomTitled(title));
						wins.incrementAndGet();
					}
					catch (org.mutualis.platform.aggregate.StaleVersion ex) {
						conflicts.incrementAndGet();
					}
					return null;
				});
			}
			start.countDown();
		}
		assertThat(wins.get()).isEqualTo(1);
		assertThat(conflicts.get()).isEqualTo(writers - 1);
		Listing stored = this.management.read(actor(TestActors.MANAGER_A), draft.id());
		assertThat(stored.version()).isEqualTo(1L);
		assertThat(stored.details().title().fr()).startsWith("Version ");
	}

	@Test
	void editWithoutVersionIsRefused() throws Exception {
		Listing draft = draftOfA();
		this.mvc.perform(put("/api/listings/" + draft.id()).with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:version-required"));
	}

	@Test
	void organisationNotApprovedCannotSubmit() throws Exception {
		Listing draft = draftOfA();
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.SUSPENDED, null, null, null, java.time.Instant.now());
		this.mvc.perform(post("/api/listings/" + draft.id() + "/submit").with(TestActors.MANAGER_A.token()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:organisation-not-approved"));
	}

	@Test
	void textPretendingToBeAJpegIsRefused() throws Exception {
		Listing draft = draftOfA();
		MockMultipartFile fake = new MockMultipartFile("file", "photo.jpg", "image/jpeg",
				"this is not an image at all".getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos").file(fake).with(TestActors.MANAGER_A.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:unsupported-photo-type"))
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		MockMultipartFile truncated = new MockMultipartFile("file", "photo.jpg", "image/jpeg",
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3 });
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos").file(truncated).with(TestActors.MANAGER_A.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:unreadable-photo"));
		assertThat(this.management.read(actor(TestActors.MANAGER_A), draft.id()).photos()).isEmpty();
	}

	@Test
	void photoLargerThanTheCapIsRefused() throws Exception {
		Listing draft = draftOfA();
		byte[] huge = new byte[6 * 1024 * 1024];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
			.file(new MockMultipartFile("file", "big.jpg", "image/jpeg", huge))
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:too-large"));
	}

	@Test
	void photoIsServedWithThumbnailAndCachingHeaders() throws Exception {
		Listing listing = draftOfA();
		MvcResult added = this.mvc.perform(multipart("/api/listings/" + listing.id() + "/photos")
			.file(new MockMultipartFile("file", "salle.png", "image/png", TestImages.png(1200, 800)))
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isCreated())
			.andReturn();
		JsonNode photo = body(added).get("photos").get(0);
		// published after the photo was added: a photo added to a published listing would send it back to review
		Listing pending = this.management.submit(actor(TestActors.MANAGER_A), listing.id(), null);
		this.moderation.publish(actor(TestActors.ADMIN), pending.id(), pending.version());
		MvcResult thumbnail = this.mvc.perform(get(photo.get("thumbnailUrl").asString()))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, org.hamcrest.Matchers.containsString("max-age")))
			.andReturn();
		assertThat(TestImages.width(thumbnail.getResponse().getContentAsByteArray())).isEqualTo(400);
		String etag = thumbnail.getResponse().getHeader(HttpHeaders.ETAG);
		this.mvc.perform(get(photo.get("thumbnailUrl").asString()).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified());
	}

	@Test
	void contactPersonIsShownOnlyToSignedInCallers() throws Exception {
		Listing listing = publishedOfA();
		this.mvc.perform(get("/api/listings/" + listing.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contact").doesNotExist());
		this.mvc.perform(get("/api/listings/" + listing.id()).with(TestActors.MEMBER_B.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contact.name").value("Marie Tremblay"));
	}

	@Test
	void searchParametersAreChecked() throws Exception {
		this.mvc.perform(get("/api/listings/search").param("sort", "NEAREST"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:point-required"));
		this.mvc.perform(get("/api/listings/search").param("cost", "CHEAP"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:invalid-parameter"));
		this.mvc.perform(get("/api/listings/search").param("lat", "95").param("lon", "-73"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:invalid-request"));
		this.mvc.perform(get("/api/listings/search").param("size", "5000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(50));
	}

	@Test
	void draftsAreHiddenFromOtherOrganisations() throws Exception {
		Listing draft = draftOfA();
		this.mvc.perform(get("/api/listings/" + draft.id())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/listings/" + draft.id()).with(TestActors.MANAGER_B.token()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/listings/" + draft.id()).with(TestActors.MEMBER_A.token()))
			.andExpect(status().isOk());
	}

	@Test
	void cancellationNoticeDefaultsTo24HoursAndIsChecked() throws Exception {
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.bookingPolicy.cancellationNoticeHours").value(24));
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson().replace("\"monthlyQuotaPerOrganisation\":4",
					"\"monthlyQuotaPerOrganisation\":4,\"cancellationNoticeHours\":72")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.bookingPolicy.cancellationNoticeHours").value(72));
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson().replace("\"monthlyQuotaPerOrganisation\":4",
					"\"monthlyQuotaPerOrganisation\":4,\"cancellationNoticeHours\":-1")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'bookingPolicy.cancellationNoticeHours')]").exists());
	}

}
