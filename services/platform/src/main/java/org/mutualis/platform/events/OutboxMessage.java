package org.mutualis.platform.events;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

/**
 * An event waiting in an aggregate's document to be published; it is written in the same atomic document
 * write as the state change that caused it, and removed by the {@link OutboxRelay} once Kafka has it.
 *
 * @param id event id (becomes the CloudEvents id)
 * @param topic destination topic
 * @param type logical event type
 * @param subject aggregate id, used as the Kafka key
 * @param time when the fact happened
 * @param payload the event data as JSON text
 * @param trace the trace context of the request that recorded the event ({@code traceparent}, ...), continued by the
 * relay and the consumers; empty when none was under way
 */
public record OutboxMessage(String id, String topic, String type, String subject, Instant time, String payload,
		Map<String, String> trace) {

	/**
	 * An entry outside any trace.
	 * @param id event id
	 * @param topic destination topic
	 * @param type logical event type
	 * @param subject aggregate id
	 * @param time when the fact happened
	 * @param payload the event data as JSON text
	 */
	public OutboxMessage(String id, String topic, String type, String subject, Instant time, String payload) {
		this(id, topic, type, subject, time, payload, Map.of());
	}

	public OutboxMessage {
		trace = Map.copyOf(trace);
	}

	/**
	 * The entry as it is stored in an aggregate's outbox array; the one place that defines the format.
	 * @return the entry
	 */
	public Document toDocument() {
		Document entry = new Document("id", this.id).append("topic", this.topic)
			.append("type", this.type)
			.append("subject", this.subject)
			.append("time", Date.from(this.time))
			.append("payload", this.payload);
		if (!this.trace.isEmpty()) {
			entry.append("trace", new Document(new LinkedHashMap<>(this.trace)));
		}
		return entry;
	}

	/**
	 * Reads an entry of an aggregate's outbox array.
	 * @param entry the stored entry
	 * @return the message
	 */
	public static OutboxMessage fromDocument(Document entry) {
		Object time = entry.get("time");
		Instant instant = (time instanceof Date date) ? date.toInstant() : Instant.parse(String.valueOf(time));
		Map<String, String> trace = new LinkedHashMap<>();
		if (entry.get("trace") instanceof Document fields) {
			fields.forEach((name, value) -> trace.put(name, String.valueOf(value)));
		}
		return new OutboxMessage(entry.getString("id"), entry.getString("topic"), entry.getString("type"),
				entry.getString("subject"), instant, entry.getString("payload"), trace);
	}

}
