package org.mutualis.listings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whole moderation flow of one listing, through the API, on the service's real Kafka and MongoDB. */
@SpringBootTest
@AutoConfigureMockMvc
@WithInfrastructure
class ListingFlowIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Organisations organisations;

	@Autowired
	MongoTemplate mongo;

	@Test
	void listingGoesFromDraftThroughRejectionToPublicationThenSuspensionAfterAReport() throws Exception {
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.APPROVED, "Centre communautaire A", null, null,
				Instant.now());

		JsonNode created = body(this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson("Salle polyvalente équipée"))).andExpect(status().isCreated()));
		String id = created.get("id").asString();
		String base = "/api/listings/" + id;

		this.mvc.perform(multipart(base + "/photos")
			.file(new MockMultipartFile("file", "salle.png", "image/png", TestImages.png(800, 600)))
			.with(TestActors.MANAGER_A.token())).andExpect(status().isCreated())
			.andExpect(jsonPath("$.photos.length()").value(1));
		this.mvc.perform(post(base + "/submit").with(TestActors.MANAGER_A.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING_REVIEW"));

		JsonNode queue = body(this.mvc.perform(get("/api/listings/moderation/queue").with(TestActors.ADMIN.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pendingReview[0].listing.id").value(id)));
		// a decision names the version the moderator reviewed
		this.mvc.perform(post(base + "/reject").with(TestActors.ADMIN.token())
			.header(HttpHeaders.IF_MATCH, "\"" + queue.get("pendingReview").get(0).get("listing").get("version").asLong() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Précisez l’accès pour les personnes à mobilité réduite.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));

		JsonNode rejected = body(this.mvc.perform(get(base).with(TestActors.MANAGER_A.token())).andExpect(status().isOk()));
		this.mvc.perform(get(base + "/history").with(TestActors.MANAGER_A.token()))
			.andExpect(jsonPath("$[2].to").value("REJECTED"))
			.andExpect(jsonPath("$[2].reason").value("Précisez l’accès pour les personnes à mobilité réduite."));
		this.mvc.perform(put(base).with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.IF_MATCH, "\"" + rejected.get("version").asLong() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ListingFixtures.roomJson("Salle polyvalente équipée, accessible en fauteuil roulant")))
			.andExpect(status().isOk());
		JsonNode resubmitted = body(this.mvc.perform(post(base + "/submit").with(TestActors.MANAGER_A.token()))
			.andExpect(jsonPath("$.status").value("PENDING_REVIEW")));
		this.mvc.perform(post(base + "/publish").with(TestActors.ADMIN.token())
			.header(HttpHeaders.IF_MATCH, "\"" + resubmitted.get("version").asLong() + "\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));

		this.mvc.perform(get("/api/listings/search").param("q", "salles equipee fauteuil"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].coverUrl").exists())
			.andExpect(jsonPath("$.facets.kind.SPACE").value(1));
		this.mvc.perform(get(base)).andExpect(status().isOk()).andExpect(jsonPath("$.contact").doesNotExist());

		JsonNode report = body(this.mvc.perform(post(base + "/reports").with(TestActors.MEMBER_B.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"UNAVAILABLE\",\"details\":\"La salle est fermée depuis un mois.\"}"))
			.andExpect(status().isCreated()));
		this.mvc.perform(get("/api/listings/moderation/queue").with(TestActors.ADMIN.token()))
			.andExpect(jsonPath("$.reported[0].listing.id").value(id))
			.andExpect(jsonPath("$.reported[0].reports[0].reason").value("UNAVAILABLE"))
			.andExpect(jsonPath("$.reported[0].history.length()").value(5));
		JsonNode reported = body(this.mvc.perform(get(base).with(TestActors.ADMIN.token())).andExpect(status().isOk()));
		this.mvc.perform(post(base + "/suspend").with(TestActors.ADMIN.token())
			.header(HttpHeaders.IF_MATCH, "\"" + reported.get("version").asLong() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Signalement confirmé : salle fermée.\"}"))
			.andExpect(jsonPath("$.status").value("SUSPENDED"));
		this.mvc.perform(post("/api/listings/moderation/reports/" + report.get("id").asString() + "/resolve")
			.with(TestActors.ADMIN.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"ACTION_TAKEN\",\"note\":\"Annonce suspendue.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.open").value(false));

		this.mvc.perform(get("/api/listings/search").param("q", "salles equipee"))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get(base)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/listings/moderation/listings/" + id).with(TestActors.ADMIN.token()))
			.andExpect(jsonPath("$.history[5].to").value("SUSPENDED"))
			.andExpect(jsonPath("$.reports[0].outcome").value("ACTION_TAKEN"));

		// every event reached Kafka: the outbox of the document empties
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.mongo.getCollection("listings")
			.find(new org.bson.Document("_id", id))
			.first()
			.getList("outbox", Object.class)).isEmpty());
	}

	private JsonNode body(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
