package org.mutualis.listings.listing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.mutualis.listings.ApiTestSupport;
import org.mutualis.listings.ListingFixtures;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every field of a valid listing body, walked through the JSON tree, is omitted, nulled, given the wrong type, made
 * huge and replaced by a MongoDB operator object, on create and on update. Each answer is a success or a 4xx
 * problem, never a 5xx; a refused body writes nothing.
 */
class HostileListingBodiesTest extends ApiTestSupport {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String HUGE_TEXT = "x".repeat(100_000);

	@Test
	void everyHostileVariantOfACreatedListingIsRefusedOrAcceptedNeverAFault() throws Exception {
		List<String> faults = new ArrayList<>();
		for (Map.Entry<String, String> variant : variants().entrySet()) {
			long before = count();
			MvcResult result = this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(variant.getValue())).andReturn();
			check(variant.getKey(), result, before, count(), faults);
		}
		assertThat(faults).isEmpty();
	}

	@Test
	void everyHostileVariantOfAnEditIsRefusedOrAcceptedNeverAFault() throws Exception {
		String id = draftOfA().id();
		List<String> faults = new ArrayList<>();
		for (Map.Entry<String, String> variant : variants().entrySet()) {
			long version = this.management.read(actor(TestActors.MANAGER_A), id).version();
			long before = count();
			MvcResult result = this.mvc.perform(put("/api/listings/" + id).with(TestActors.MANAGER_A.token())
				.header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(variant.getValue())).andReturn();
			long after = this.management.read(actor(TestActors.MANAGER_A), id).version();
			int status = result.getResponse().getStatus();
			check(variant.getKey(), result, before, count(), faults);
			if (status >= 400 && after != version) {
				faults.add(variant.getKey() + ": refused with " + status + " but the listing changed");
			}
		}
		assertThat(faults).isEmpty();
	}

	@Test
	void optionalObjectsMayBeOmittedOrNull() throws Exception {
		for (String field : List.of("availability", "contact", "prerequisites", "tags", "marketValuePerUnit")) {
			ObjectNode omitted = valid();
			omitted.remove(field);
			this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(omitted.toString())).andExpect(status().isCreated());
			ObjectNode nulled = valid();
			nulled.putNull(field);
			this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
				.contentType(MediaType.APPLICATION_JSON)
				.content(nulled.toString())).andExpect(status().isCreated());
		}
		ObjectNode equipmentWithoutTraits = valid();
		equipmentWithoutTraits.remove("traits");
		equipmentWithoutTraits.put("kind", "EQUIPMENT");
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(equipmentWithoutTraits.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:invalid-listing"))
			.andExpect(jsonPath("$.errors[?(@.field == 'traits.quantity')]").exists());
	}

	@Test
	void aNullListElementIsAProblemNamingIt() throws Exception {
		long before = count();
		ObjectNode body = valid();
		((ArrayNode) body.get("availability").get("weekly")).removeAll().addNull();
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'availability.weekly[0]')]").exists());
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aCoordinateThatIsNoNumberIsRefusedAndNothingIsCreated() throws Exception {
		long before = count();
		for (String value : List.of("NaN", "Infinity", "-Infinity")) {
			ObjectNode body = valid();
			((ObjectNode) body.get("location")).put("latitude", value).put("longitude", -73.7);
			String json = body.toString();
			this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
				.andExpect(status().isBadRequest());
		}
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aMissingRequiredNumberIsSaidToBeRequired() throws Exception {
		ObjectNode body = valid();
		body.remove("bookableAtOnce");
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'bookableAtOnce')].message").value("This field is required."));
		ObjectNode policy = valid();
		((ObjectNode) policy.get("bookingPolicy")).remove("maxAdvanceDays");
		this.mvc.perform(post("/api/listings").with(TestActors.MANAGER_A.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content(policy.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'bookingPolicy.maxAdvanceDays')].message")
				.value("Ce champ est obligatoire."));
	}

	private void check(String variant, MvcResult result, long before, long after, List<String> faults)
			throws Exception {
		int status = result.getResponse().getStatus();
		String type = result.getResponse().getContentType();
		if (status >= 500) {
			faults.add(variant + ": " + status + " " + result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		else if (status >= 400) {
			if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
				faults.add(variant + ": " + status + " without problem+json");
			}
			if (after != before) {
				faults.add(variant + ": refused with " + status + " but a listing was written");
			}
		}
		else if (result.getRequest().getMethod().equals("POST") && after != before + 1) {
			faults.add(variant + ": accepted with " + status + " but " + (after - before) + " listings written");
		}
	}

	private long count() {
		return this.mongo.getCollection("listings").countDocuments();
	}

	private ObjectNode valid() {
		return (ObjectNode) this.json.readTree(ListingFixtures.roomJson());
	}

	/** Each hostile body, named by the field it breaks and how. */
	private Map<String, String> variants() {
		Map<String, String> variants = new LinkedHashMap<>();
		walk(valid(), "", (path) -> path, variants);
		return variants;
	}

	private void walk(JsonNode node, String path, Function<String, String> name, Map<String, String> variants) {
		if (node instanceof ObjectNode object) {
			for (String field : object.propertyNames()) {
				String child = path.isEmpty() ? field : path + "." + field;
				addVariants(child, object.get(field), variants);
				walk(object.get(field), child, name, variants);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				String child = path + "[" + i + "]";
				addVariants(child, array.get(i), variants);
				walk(array.get(i), child, name, variants);
			}
		}
	}

	private void addVariants(String path, JsonNode original, Map<String, String> variants) {
		variants.put(path + " omitted", replaced(path, null));
		variants.put(path + " null", replaced(path, NODES.nullNode()));
		JsonNode wrongType = original.isString() ? NODES.arrayNode().add(1) : NODES.stringNode("not-the-right-type");
		variants.put(path + " wrong type", replaced(path, wrongType));
		variants.put(path + " huge", replaced(path, huge(original)));
		variants.put(path + " operator", replaced(path, NODES.objectNode().put("$gt", "")));
	}

	private static JsonNode huge(JsonNode original) {
		if (original.isNumber()) {
			return NODES.numberNode(new java.math.BigDecimal("1e400"));
		}
		if (original.isArray()) {
			ArrayNode many = NODES.arrayNode();
			for (int i = 0; i < 5_000; i++) {
				many.add(original.isEmpty() ? NODES.stringNode("x") : original.get(0));
			}
			return many;
		}
		if (original.isObject()) {
			ObjectNode copy = (ObjectNode) original.deepCopy();
			copy.put("padding", HUGE_TEXT);
			return copy;
		}
		return NODES.stringNode(HUGE_TEXT);
	}

	/** The valid body with the value at a path replaced, or removed when {@code value} is {@code null}. */
	private String replaced(String path, JsonNode value) {
		ObjectNode body = valid();
		JsonNode parent = body;
		String[] steps = path.replace("[", ".[").split("\\.");
		for (int i = 0; i < steps.length - 1; i++) {
			parent = step(parent, steps[i]);
		}
		String last = steps[steps.length - 1];
		if (last.startsWith("[")) {
			int index = Integer.parseInt(last.substring(1, last.length() - 1));
			ArrayNode array = (ArrayNode) parent;
			if (value == null) {
				array.remove(index);
			}
			else {
				array.set(index, value);
			}
		}
		else if (value == null) {
			((ObjectNode) parent).remove(last);
		}
		else {
			((ObjectNode) parent).set(last, value);
		}
		return body.toString();
	}

	private static JsonNode step(JsonNode node, String step) {
		if (step.startsWith("[")) {
			return node.get(Integer.parseInt(step.substring(1, step.length() - 1)));
		}
		return node.get(step);
	}

}
