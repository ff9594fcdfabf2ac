package org.mutualis.listings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeTry;
import org.mutualis.platform.test.HostileBodies;
import org.mutualis.platform.test.HostileBodies.Variant;
import org.mutualis.listings.listing.Listing;
import org.mutualis.listings.listing.application.ListingManagement;
import org.mutualis.listings.listing.application.ListingModeration;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.listings.organisation.Organisations;
import org.mutualis.listings.photo.application.PhotoManagement;
import org.mutualis.listings.report.ReportReason;
import org.mutualis.listings.report.application.ReportHandling;
import org.mutualis.platform.test.TestActors;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every write endpoint of listings, fed the hostile variants of its documented example body (each field left out,
 * null, of the wrong type, huge, an operator object; see {@link HostileBodies}) by a caller allowed to call it,
 * answers a 4xx problem+json — or a 2xx when the variant is still a valid body — and never a 5xx; a refused call
 * writes nothing. A jqwik property in a Spring context of its own configuration (the same as
 * {@link ApiTestSupport}'s), prepared by Spring's {@link TestContextManager}.
 */
@SpringBootTest(properties = { "mutualis.listings.limits.max-drafts-per-organisation=1000000",
		"mutualis.listings.limits.reports-per-organisation-per-day=1000000" })
@AutoConfigureMockMvc
@WithInfrastructure
class HostileBodiesPropertyTest {

	/** Collections written in the background (consumers, relays), whatever the call under test did. */
	private static final Set<String> BACKGROUND = Set.of("shedlock", "processed_events", "token_revocations");

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JsonMapper json;

	@Autowired
	ListingManagement management;

	@Autowired
	ListingModeration moderation;

	@Autowired
	PhotoManagement photos;

	@Autowired
	ReportHandling reports;

	@Autowired
	Organisations organisations;

	private JsonNode document;

	@BeforeTry
	void approveOrganisations() throws Exception {
		spring();
		this.organisations.record(TestActors.ORG_A, OrganisationStatus.APPROVED, "Organisation A", null, null,
				Instant.now());
		this.organisations.record(TestActors.ORG_B, OrganisationStatus.APPROVED, "Organisation B", null, null,
				Instant.now());
	}

	@Provide
	Arbitrary<Variant> variants() throws Exception {
		spring();
		return Arbitraries.of(HostileBodies.of(this.document));
	}

	// listings has about 625 variants (every one passed an exhaustive run); each run tries a random 250 of them,
	// which keeps it under a minute
	@Property(tries = 250, generation = GenerationMode.AUTO, shrinking = ShrinkingMode.OFF)
	void aHostileBodyIsRefusedAsAProblemAndWritesNothing(@ForAll("variants") Variant variant) throws Exception {
		Call call = callers().get(variant.operation()).apply(new Fixture());
		Map<String, Long> before = documentCounts();
		MockHttpServletResponse response = perform(call, variant.body(call.overrides()));
		int status = response.getStatus();
		Statistics.label("answer").collect(variant.mutation(), (status / 100) + "xx");
		String answer = status + " " + response.getContentType() + " "
				+ abbreviated(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(status).as("%s answered %s", variant, answer).isLessThan(500);
		if (mustBeRefused(variant)) {
			assertThat(status).as("%s answered %s", variant, answer).isBetween(400, 499);
		}
		if (status >= 400) {
			assertThat(status).as("%s answered %s", variant, answer).isBetween(400, 499);
			assertThat(MediaType.parseMediaType(response.getContentType()))
				.as("%s answered %s", variant, answer)
				.matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
			assertThat(documentCounts()).as("%s was refused but wrote", variant).isEqualTo(before);
		}
		else {
			assertThat(status).as("%s answered %s", variant, answer).isBetween(200, 299);
		}
	}

	@Example
	void everyWriteOperationHasACallerForWhomItsExampleSucceeds() throws Exception {
		spring();
		Map<String, JsonNode> operations = HostileBodies.jsonWriteOperations(this.document);
		assertThat(callers().keySet()).containsExactlyInAnyOrderElementsOf(operations.keySet());
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, JsonNode> operation : operations.entrySet()) {
			approveOrganisations();
			Call call = callers().get(operation.getKey()).apply(new Fixture());
			JsonNode example = operation.getValue().path("requestBody").path("content").path("application/json")
				.path("example");
			JsonNode body = example.deepCopy();
			if (body instanceof ObjectNode object) {
				call.overrides().forEach(object::set);
			}
			MockHttpServletResponse response = perform(call, body.toString());
			if (response.getStatus() / 100 != 2) {
				failures.add(operation.getKey() + " answered " + response.getStatus() + " "
						+ response.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		assertThat(failures).isEmpty();
	}

	/** Left out or null where the document requires it, or an operator where a plain value belongs. */
	private static boolean mustBeRefused(Variant variant) {
		return switch (variant.mutation()) {
			case OMITTED, NULL -> variant.required();
			case OPERATOR -> true;
			case WRONG_TYPE, HUGE -> false;
		};
	}

	/** Who calls each write operation, on which fresh object of organisation A, with which headers. */
	private Map<String, Function<Fixture, Call>> callers() {
		Map<String, Function<Fixture, Call>> callers = new TreeMap<>();
		callers.put("POST /api/listings", (f) -> new Call(TestActors.MANAGER_A, HttpMethod.POST, "/api/listings"));
		callers.put("PUT /api/listings/{id}", (f) -> {
			Listing draft = f.draft();
			return new Call(TestActors.MANAGER_A, HttpMethod.PUT, "/api/listings/" + draft.id())
				.ifMatch(draft.version());
		});
		callers.put("PUT /api/listings/{id}/photos/order", (f) -> {
			Listing listing = f.draftWithPhoto();
			return new Call(TestActors.MANAGER_A, HttpMethod.PUT, "/api/listings/" + listing.id() + "/photos/order")
				.override("photoIds", JsonNodeFactory.instance.arrayNode().add(listing.photos().get(0).id()));
		});
		callers.put("POST /api/listings/{id}/reject", (f) -> {
			Listing pending = f.pending();
			return new Call(TestActors.ADMIN, HttpMethod.POST, "/api/listings/" + pending.id() + "/reject")
				.ifMatch(pending.version());
		});
		callers.put("POST /api/listings/{id}/suspend", (f) -> {
			Listing published = f.published();
			return new Call(TestActors.ADMIN, HttpMethod.POST, "/api/listings/" + published.id() + "/suspend")
				.ifMatch(published.version());
		});
		callers.put("POST /api/listings/{id}/reports", (f) -> new Call(TestActors.MEMBER_B, HttpMethod.POST,
				"/api/listings/" + f.published().id() + "/reports"));
		callers.put("POST /api/listings/moderation/reports/{reportId}/resolve", (f) -> new Call(TestActors.ADMIN,
				HttpMethod.POST, "/api/listings/moderation/reports/" + f.openReport() + "/resolve"));
		return callers;
	}

	private MockHttpServletResponse perform(Call call, String body) throws Exception {
		MockHttpServletRequestBuilder request = request(call.method(), call.path()).with(call.actor().token());
		call.headers().forEach(request::header);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private Map<String, Long> documentCounts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String collection : this.mongo.getCollectionNames()) {
			if (!BACKGROUND.contains(collection)) {
				counts.put(collection, this.mongo.getCollection(collection).countDocuments());
			}
		}
		return counts;
	}

	private void spring() throws Exception {
		if (this.mvc == null) {
			new TestContextManager(getClass()).prepareTestInstance(this);
		}
		if (this.document == null) {
			String text = this.mvc.perform(request(HttpMethod.GET, "/v3/api-docs"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			this.document = this.json.readTree(text);
		}
	}

	private static String abbreviated(String text) {
		return (text.length() > 600) ? text.substring(0, 600) + "…" : text;
	}

	/**
	 * One call of a write operation, before its body is chosen.
	 * @param actor who calls
	 * @param method the method
	 * @param path the path with its variables filled in
	 * @param headers extra headers
	 * @param overrides top-level fields of the body set from the fixture (ids of the objects it made)
	 */
	private record Call(TestActors actor, HttpMethod method, String path, Map<String, String> headers,
			Map<String, JsonNode> overrides) {

		Call(TestActors actor, HttpMethod method, String path) {
			this(actor, method, path, Map.of(), Map.of());
		}

		Call ifMatch(long version) {
			Map<String, String> headers = new TreeMap<>(this.headers);
			headers.put(HttpHeaders.IF_MATCH, "\"" + version + "\"");
			return new Call(this.actor, this.method, this.path, headers, this.overrides);
		}

		Call override(String field, JsonNode value) {
			Map<String, JsonNode> overrides = new TreeMap<>(this.overrides);
			overrides.put(field, value);
			return new Call(this.actor, this.method, this.path, this.headers, overrides);
		}

	}

	/** Makes fresh objects of organisation A for one call. */
	private final class Fixture {

		private final ListingManagement management = HostileBodiesPropertyTest.this.management;

		Listing draft() {
			return this.management.create(ApiTestSupport.actor(TestActors.MANAGER_A), ListingFixtures.room());
		}

		Listing pending() {
			return this.management.submit(ApiTestSupport.actor(TestActors.MANAGER_A), draft().id(), null);
		}

		Listing published() {
			Listing pending = pending();
			return HostileBodiesPropertyTest.this.moderation.publish(ApiTestSupport.actor(TestActors.ADMIN),
					pending.id(), pending.version());
		}

		Listing draftWithPhoto() {
			return HostileBodiesPropertyTest.this.photos.add(ApiTestSupport.actor(TestActors.MANAGER_A), draft().id(),
					png());
		}

		String openReport() {
			return HostileBodiesPropertyTest.this.reports
				.report(ApiTestSupport.actor(TestActors.MEMBER_B), published().id(), ReportReason.OTHER, "À vérifier")
				.id();
		}

		private byte[] png() {
			try {
				return TestImages.png(40, 30);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

}
