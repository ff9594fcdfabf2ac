package org.mutualis.platform.events;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CloudEvents 1.0 envelope in its structured JSON form, as it travels on Kafka.
 *
 * @param id unique id of the event; consumers de-duplicate on it
 * @param source URI reference of the producing service, e.g. {@code /mutualis/identity}
 * @param type logical event type, e.g. {@code mutualis.organisation.approved.v1}
 * @param subject id of the aggregate the event is about (also the Kafka key)
 * @param time when the fact happened, UTC
 * @param data the event payload
 */
public record EventEnvelope(String id, String source, String type, String subject, Instant time, JsonNode data) {

	/** CloudEvents specification version written in every envelope. */
	public static final String SPEC_VERSION = "1.0";

	/**
	 * Renders this envelope as structured-mode CloudEvents JSON.
	 * @param mapper the JSON mapper
	 * @return the JSON text
	 */
	public String toJson(JsonMapper mapper) {
		ObjectNode node = mapper.createObjectNode();
		node.put("specversion", SPEC_VERSION);
		node.put("id", this.id);
		node.put("source", this.source);
		node.put("type", this.type);
		node.put("subject", this.subject);
		node.put("time", this.time.toString());
		node.put("datacontenttype", "application/json");
		node.set("data", this.data);
		return mapper.writeValueAsString(node);
	}

	/**
	 * Reads a structured-mode CloudEvents JSON text.
	 * @param mapper the JSON mapper
	 * @param json the text received
	 * @return the envelope
	 * @throws MalformedEventException when a required attribute is missing or the text is not JSON
	 */
	public static EventEnvelope fromJson(JsonMapper mapper, String json) {
		JsonNode node;
		try {
			node = mapper.readTree(json);
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException("not JSON: " + ex.getMessage());
		}
		if (!SPEC_VERSION.equals(text(node, "specversion"))) {
			throw new MalformedEventException("unsupported specversion " + text(node, "specversion"));
		}
		JsonNode data = node.get("data");
		if (data == null || !data.isObject()) {
			throw new MalformedEventException("missing object attribute 'data'");
		}
		try {
			return new EventEnvelope(required(node, "id"), required(node, "source"), required(node, "type"),
					required(node, "subject"), Instant.parse(required(node, "time")), data);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new MalformedEventException("attribute 'time' is not an RFC 3339 UTC time");
		}
	}

	private static String required(JsonNode node, String name) {
		String value = text(node, name);
		if (value == null || value.isBlank()) {
			throw new MalformedEventException("missing attribute '" + name + "'");
		}
		return value;
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || !value.isString()) ? null : value.asString();
	}

}
