package org.mutualis.platform.events;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a domain event into an {@link OutboxMessage} ready to be stored beside the aggregate, with the trace context of
 * the request under way.
 */
public class EventRecorder {

	private final JsonMapper mapper;

	private final Clock clock;

	private final EventTracing tracing;

	/**
	 * Creates a recorder that keeps no trace context with the events.
	 * @param mapper JSON mapper used for payloads
	 * @param clock the clock that stamps events
	 */
	public EventRecorder(JsonMapper mapper, Clock clock) {
		this(mapper, clock, EventTracing.none());
	}

	/**
	 * Creates the recorder.
	 * @param mapper JSON mapper used for payloads
	 * @param clock the clock that stamps events
	 * @param tracing gives the trace context under way, kept with each event
	 */
	public EventRecorder(JsonMapper mapper, Clock clock, EventTracing tracing) {
		this.mapper = mapper;
		this.clock = clock;
		this.tracing = tracing;
	}

	/**
	 * Records one event.
	 * @param topic destination topic
	 * @param type logical type, {@code mutualis.<aggregate>.<fact>.v1}
	 * @param subject aggregate id
	 * @param data the payload; serialised with its record component names
	 * @return the message to append to the aggregate's outbox
	 */
	public OutboxMessage record(String topic, String type, String subject, Object data) {
		return new OutboxMessage(UUID.randomUUID().toString(), topic, type, subject, this.clock.instant(),
				this.mapper.writeValueAsString(data), this.tracing.current());
	}

}
