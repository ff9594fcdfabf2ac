package org.mutualis.listings.photo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.TestImages;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.listings.photo.application.PhotoDecoding;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PhotoApiTest extends ApiTestSupport {

	@Autowired
	private PhotoDecoding decoding;

	@Test
	void aDecompressionBombIsRefusedInBothLanguagesAndTheServiceGoesOn() throws Exception {
		Listing draft = draftOfA();
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
			.file(new MockMultipartFile("file", "bomb.png", "image/png", TestImages.pngDeclaring(30_000, 30_000)))
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:photo-too-large"))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.messages.fr").value("La photo est trop grande : au plus 40 mégapixels."))
			.andExpect(jsonPath("$.messages.en").value("The photo is too large: at most 40 megapixels."));
		assertThat(this.management.read(actor(TestActors.MANAGER_A), draft.id()).photos()).isEmpty();
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
			.file(new MockMultipartFile("file", "salle.png", "image/png", TestImages.png(300, 200)))
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isCreated());
	}

	@Test
	void aStoredPhotoIsReencodedWithoutItsExifBlock() throws Exception {
		Listing draft = draftOfA();
		byte[] upload = TestImages.jpegWithExif(640, 480);
		assertThat(TestImages.contains(upload, TestImages.EXIF_GPS)).isTrue();
		MvcResult added = this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
			.file(new MockMultipartFile("file", "phone.jpg", "image/jpeg", upload))
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isCreated())
			.andReturn();
		JsonNode photo = body(added).get("photos").get(0);
		byte[] stored = this.mvc.perform(get(photo.get("url").asString()).with(TestActors.MANAGER_A.token()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(TestImages.contains(stored, "Exif")).isFalse();
		assertThat(TestImages.contains(stored, TestImages.EXIF_GPS)).isFalse();
		assertThat(TestImages.width(stored)).isEqualTo(640);
	}

	@Test
	void onlyAnApprovedOrganisationUploadsPhotos() throws Exception {
		Listing draft = draftOfA();
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.REGISTERED, null, null, null, Instant.now());
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
			.file(new MockMultipartFile("file", "salle.png", "image/png", TestImages.png(300, 200)))
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:organisation-not-approved"));
		assertThat(this.management.read(actor(TestActors.MANAGER_A), draft.id()).photos()).isEmpty();
	}

	@Test
	void uploadsWaitingTooLongForADecodingSlotAreToldToRetry() throws Exception {
		Listing draft = draftOfA();
		java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(2);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
			for (int i = 0; i < 2; i++) {
				pool.submit(() -> this.decoding.run(() -> {
					busy.countDown();
					try {
						return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						throw new IllegalStateException(ex);
					}
				}));
			}
			assertThat(busy.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
				.file(new MockMultipartFile("file", "salle.png", "image/png", TestImages.png(300, 200)))
				.with(TestActors.MANAGER_A.token()))
				.andExpect(status().isTooManyRequests())
				.andExpect(jsonPath("$.type").value("urn:mutualis:problem:photo-decoding-busy"));
			release.countDown();
		}
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
			.file(new MockMultipartFile("file", "salle.png", "image/png", TestImages.png(300, 200)))
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isCreated());
	}

	@Test
	void anUploadWithoutItsFilePartIsRefusedNamingIt() throws Exception {
		Listing draft = draftOfA();
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
			.file(new MockMultipartFile("photo", "photo.png", "image/png", new byte[] { 1, 2, 3 }))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value("This field is required."));
	}

	@Test
	void webpIsRefusedWithAClearMessage() throws Exception {
		Listing draft = draftOfA();
		this.mvc.perform(multipart("/api/listings/" + draft.id() + "/photos")
			.file(new MockMultipartFile("file", "photo.webp", "image/webp",
					"RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.with(TestActors.MANAGER_A.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:webp-not-supported"))
			.andExpect(jsonPath("$.detail").value("WebP photos are not accepted: send a JPEG or a PNG."));
	}

}
