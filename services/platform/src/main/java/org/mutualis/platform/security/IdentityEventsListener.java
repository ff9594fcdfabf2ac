package org.mutualis.platform.security;

import java.time.Instant;

import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@link TokenRevocations} up to date from the identity events that make tokens unacceptable. */
public class IdentityEventsListener {

	private static final String CONSUMER = "token-revocations";

	private final TokenRevocations revocations;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	/**
	 * Creates the listener.
	 * @param revocations the registry to update
	 * @param processed de-duplication of applied events
	 * @param mapper JSON mapper
	 */
	public IdentityEventsListener(TokenRevocations revocations, ProcessedEvents processed, JsonMapper mapper) {
		this.revocations = revocations;
		this.processed = processed;
		this.mapper = mapper;
	}

	/**
	 * Applies one identity event.
	 * @param json the CloudEvents envelope
	 */
	@KafkaListener(topics = Topics.IDENTITY, groupId = "${spring.application.name}-token-revocations")
	public void on(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		this.processed.applyOnce(CONSUMER, event, this::apply);
	}

	void apply(EventEnvelope event) {
		JsonNode data = event.data();
		switch (event.type()) {
			case "mutualis.organisation.suspended.v1" ->
				this.revocations.organisationSuspended(text(data, "organisationId"), time(data, "suspendedAt", event));
			case "mutualis.organisation.reactivated.v1" -> this.revocations.organisationReactivated(text(data, "organisationId"));
			case "mutualis.membership.left.v1" -> this.revocations.membershipChanged(text(data, "organisationId"),
					text(data, "personId"), time(data, "leftAt", event));
			case "mutualis.membership.role-changed.v1" -> this.revocations.membershipChanged(text(data, "organisationId"),
					text(data, "personId"), time(data, "changedAt", event));
			case "mutualis.person.password-changed.v1" ->
				this.revocations.passwordChanged(text(data, "personId"), time(data, "changedAt", event));
			default -> {
				// other identity events do not affect tokens
			}
		}
	}

	private static String text(JsonNode data, String field) {
		JsonNode value = data.get(field);
		if (value == null || !value.isString()) {
			throw new org.mutualis.platform.events.MalformedEventException("missing data." + field);
		}
		return value.asString();
	}

	private static Instant time(JsonNode data, String field, EventEnvelope event) {
		JsonNode value = data.get(field);
		return (value != null && value.isString()) ? Instant.parse(value.asString()) : event.time();
	}

}
