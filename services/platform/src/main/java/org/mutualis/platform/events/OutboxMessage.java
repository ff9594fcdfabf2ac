package org.mutualis.platform.events;

import java.time.Instant;

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
}
