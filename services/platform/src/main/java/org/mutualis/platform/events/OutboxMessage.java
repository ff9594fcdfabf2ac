package org.mutualis.platform.events;

import java.time.Instant;
import java.util.Date;

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
 */
public record OutboxMessage(String id, String topic, String type, String subject, Instant time, String payload) {

	/**
	 * The entry as it is stored in an aggregate's outbox array; the one place that defines the format.
	 * @return the entry
	 */
	public Document toDocument() {
		return new Document("id", this.id).append("topic", this.topic)
			.append("type", this.type)
			.append("subject", this.subject)
			.append("time", Date.from(this.time))
			.append("payload", this.payload);
	}

	/**
	 * Reads an entry of an aggregate's outbox array.
	 * @param entry the stored entry
	 * @return the message
	 */
	public static OutboxMessage fromDocument(Document entry) {
		Object time = entry.get("time");
		Instant instant = (time instanceof Date date) ? date.toInstant() : Instant.parse(String.valueOf(time));
		return new OutboxMessage(entry.getString("id"), entry.getString("topic"), entry.getString("type"),
				entry.getString("subject"), instant, entry.getString("payload"));
	}

}
