package org.mutualis.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The listing form's photo upload with progress ({@code js/photo-upload.js}): the form carries the progress bar, its
 * label and the live region's words in the person's language; the script's request (CSRF token as a header, as
 * XMLHttpRequest sends it) is answered as the plain form is, with the notice or the refusal beside the file field.
 */
class PhotoUploadTest extends PageTestSupport {

	private static final MockMultipartFile PHOTO = new MockMultipartFile("file", "salle.png", "image/png",
			new byte[] { (byte) 0x89, 'P', 'N', 'G' });

	@Test
	void theListingFormCarriesTheProgressBarItsLabelAndItsWordsInFrench() throws Exception {
		String page = page("/mes-annonces/listing-1/modifier");
		assertThat(page).contains("data-photo-upload")
			.contains("data-progress-text=\"Envoi : {0} %\"")
			.contains("data-max-bytes=\"5242880\"")
			.contains("data-too-large-text=\"Cette photo dépasse 5 Mo : choisissez-en une plus légère.\"")
			.contains("data-failed-text=\"L’envoi de la photo n’a pas abouti. Vérifiez votre connexion, puis réessayez.\"")
			.contains("<label for=\"photo-progression\">Progression de l’envoi de la photo</label>")
			.contains("<progress id=\"photo-progression\" max=\"100\" value=\"0\"></progress>")
			.contains("role=\"status\" aria-live=\"polite\"")
			.contains("<script src=\"/js/photo-upload.js\" defer></script>")
			.containsPattern("<div class=\"upload-progress\" hidden>")
			// listings takes JPEG and PNG only: the form promises nothing else
			.contains("accept=\"image/jpeg,image/png\"").contains("Ajouter une photo (JPEG ou PNG, 5 Mo au plus)")
			.doesNotContain("WebP");
	}

	@Test
	void theProgressWordsAreInEnglishForAnEnglishReader() throws Exception {
		String page = page("/mes-annonces/listing-1/modifier?lang=en");
		assertThat(page).contains("data-progress-text=\"Uploading: {0}%\"")
			.contains("<label for=\"photo-progression\">Photo upload progress</label>")
			.contains("data-failed-text=\"The photo’s upload did not go through.")
			.contains("data-too-large-text=\"This photo is larger than 5 MB: choose a lighter one.\"");
	}

	@Test
	void theNewListingFormHasNoUploadScript() throws Exception {
		assertThat(page("/mes-annonces/nouvelle")).doesNotContain("photo-upload.js").doesNotContain("<progress");
	}

	@Test
	void theScriptsRequestWithTheTokenAsAHeaderIsAnsweredAsThePlainFormIs() throws Exception {
		given(this.services.post(eq(Service.LISTINGS), eq("/api/listings/listing-1/photos"), any(),
				eq(MediaType.MULTIPART_FORM_DATA)))
			.willReturn(Map.of("id", "photo-2"));
		this.mvc
			.perform(multipart("/mes-annonces/listing-1/photos").file(PHOTO)
				.header("X-Requested-With", "XMLHttpRequest")
				.with(signedIn("MANAGER"))
				.with(csrf().asHeader()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/mes-annonces/listing-1/modifier"))
			.andExpect(flash().attribute("done", "manage.done.photo"));
	}

	@Test
	void withoutTheTokenNothingIsSent() throws Exception {
		this.mvc
			.perform(multipart("/mes-annonces/listing-1/photos").file(PHOTO)
				.header("X-Requested-With", "XMLHttpRequest")
				.with(signedIn("MANAGER")))
			.andExpect(status().isForbidden());
		verify(this.services, never()).post(any(), anyString(), any(), any());
	}

	@Test
	void listingsRefusalOfAFileThatIsNotAnImageIsShownBesideTheFileField() throws Exception {
		given(this.services.post(eq(Service.LISTINGS), eq("/api/listings/listing-1/photos"), any(),
				eq(MediaType.MULTIPART_FORM_DATA)))
			.willThrow(new ServiceRefusal(HttpStatus.BAD_REQUEST, "unsupported-photo",
					"Le fichier n’est pas une image JPEG ou PNG.", Map.of()));
		MvcResult sent = this.mvc
			.perform(multipart("/mes-annonces/listing-1/photos")
				.file(new MockMultipartFile("file", "notes.txt", "text/plain", "pas une image".getBytes()))
				.header("X-Requested-With", "XMLHttpRequest")
				.with(signedIn("MANAGER"))
				.with(csrf().asHeader()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/mes-annonces/listing-1/modifier"))
			.andReturn();
		String page = this.mvc
			.perform(get("/mes-annonces/listing-1/modifier").flashAttrs(sent.getFlashMap()).with(signedIn("MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page)
			.contains("<p class=\"problem\" role=\"alert\" id=\"photo-erreur\">Le fichier n’est pas une image JPEG ou PNG.</p>")
			.containsPattern("id=\"file\" name=\"file\"[^>]*aria-describedby=\"photo-erreur\"")
			.containsPattern("id=\"file\" name=\"file\"[^>]*aria-invalid=\"true\"");
	}

	@Test
	void aPhotoOverListingsLimitPostedByThePlainFormIsRefusedBesideTheFileFieldInThePersonsLanguage()
			throws Exception {
		MockMultipartFile heavy = new MockMultipartFile("file", "lourde.jpg", "image/jpeg",
				new byte[5 * 1024 * 1024 + 1]);
		MvcResult sent = this.mvc
			.perform(multipart("/mes-annonces/listing-1/photos").file(heavy).with(signedIn("MANAGER")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/mes-annonces/listing-1/modifier"))
			.andReturn();
		String page = this.mvc
			.perform(get("/mes-annonces/listing-1/modifier").flashAttrs(sent.getFlashMap()).with(signedIn("MANAGER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<p class=\"problem\" role=\"alert\" id=\"photo-erreur\">Cette photo dépasse 5 Mo")
			.containsPattern("id=\"file\" name=\"file\"[^>]*aria-describedby=\"photo-erreur\"");
		MvcResult english = this.mvc
			.perform(multipart("/mes-annonces/listing-1/photos").file(heavy)
				.header("Accept-Language", "en")
				.with(signedIn("MANAGER"))
				.with(csrf()))
			.andReturn();
		assertThat(english.getFlashMap().get("photoProblem")).isEqualTo("This photo is larger than 5 MB: choose a lighter one.");
		verify(this.services, never()).post(eq(Service.LISTINGS), eq("/api/listings/listing-1/photos"), any(), any());
	}

	@Test
	void aPhotoOfExactlyFiveMegabytesIsSentToListings() throws Exception {
		this.mvc.perform(multipart("/mes-annonces/listing-1/photos")
			.file(new MockMultipartFile("file", "juste.jpg", "image/jpeg", new byte[5 * 1024 * 1024]))
			.with(signedIn("MANAGER"))
			.with(csrf())).andExpect(status().isFound());
		verify(this.services).post(eq(Service.LISTINGS), eq("/api/listings/listing-1/photos"), any(),
				eq(MediaType.MULTIPART_FORM_DATA));
	}

	@Test
	void webReadsAFormBodyUpToTheGatewaysCapSoThatItsCsrfFieldIsNeverLost(
			@org.springframework.beans.factory.annotation.Autowired org.springframework.core.env.Environment environment) {
		// the gateway caps a web form's body at 10 MB; a multipart read that failed below that would hide _csrf (403)
		long cap = 10L * 1024 * 1024;
		assertThat(org.springframework.util.unit.DataSize.parse(environment.getProperty("spring.servlet.multipart.max-file-size")).toBytes())
			.isGreaterThan(cap);
		assertThat(org.springframework.util.unit.DataSize.parse(environment.getProperty("spring.servlet.multipart.max-request-size")).toBytes())
			.isGreaterThan(cap);
		assertThat(org.springframework.util.unit.DataSize.parse(environment.getProperty("server.tomcat.max-swallow-size")).toBytes())
			.isGreaterThan(cap);
	}

	@Test
	void theScriptIsServedAsAFile() throws Exception {
		String script = this.mvc.perform(get("/js/photo-upload.js"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(script).contains("xhr.upload.addEventListener('progress'").contains("X-CSRF-TOKEN")
			.contains("data-photo-upload-progress");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(signedIn("MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
