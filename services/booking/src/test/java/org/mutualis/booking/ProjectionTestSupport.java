package org.mutualis.booking;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.mutualis.contracts.EventContracts;
import org.mutualis.platform.test.WithInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * One shared application context for the tests of booking's projections (calendar, ledger, impact), and booking
 * events made from the contract examples, so that tests feed exactly what booking publishes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithInfrastructure
public abstract class ProjectionTestSupport {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected JsonMapper json;

	/**
	 * A booking event made from its contract example, with a fresh event id and the given data fields replaced.
	 * @param fact e.g. {@code completed}
	 * @param data data fields to set, e.g. {@code bookingId}, {@code amountDue}
	 * @return the envelope's JSON text
	 */
	protected String event(String fact, Map<String, ?> data) {
		String type = "mutualis.booking." + fact + ".v1";
		String example = EventContracts.examples("mutualis.booking.").get(type);
		if (example == null) {
			throw new IllegalArgumentException("no contract example for " + type);
		}
		ObjectNode envelope = (ObjectNode) this.json.readTree(example);
		envelope.put("id", UUID.randomUUID().toString());
		ObjectNode node = (ObjectNode) envelope.get("data");
		data.forEach((field, value) -> node.set(field, this.json.valueToTree(value)));
		envelope.put("subject", node.get("bookingId").asString());
		return this.json.writeValueAsString(envelope);
	}

	/**
	 * Reads a response body as JSON.
	 * @param result the result
	 * @return its JSON
	 * @throws Exception when unreadable
	 */
	protected JsonNode body(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a response body as text.
	 * @param result the result
	 * @return its text
	 * @throws Exception when unreadable
	 */
	protected static String text(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
