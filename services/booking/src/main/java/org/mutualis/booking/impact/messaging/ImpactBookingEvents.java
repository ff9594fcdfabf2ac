package org.mutualis.booking.impact.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mutualis.booking.impact.UsageFacts;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the impact figures from booking's own events ({@code mutualis.bookings.v1}, consumer group
 * {@code booking-impact}): each completed booking counts once, whatever its cost mode.
 */
@Component
public class ImpactBookingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "booking-impact";

	static final String COMPLETED = "mutualis.booking.completed.v1";

	private static final Logger log = LoggerFactory.getLogger(ImpactBookingEvents.class);

	private final UsageFacts facts;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	ImpactBookingEvents(UsageFacts facts, ProcessedEvents processed, JsonMapper mapper) {
		this.facts = facts;
		this.processed = processed;
		this.mapper = mapper;
	}

	@KafkaListener(id = "booking-impact", groupId = "${spring.kafka.consumer.group-id}-impact", topics = Topics.BOOKINGS)
	void onMessage(ConsumerRecord<String, String> record) {
		apply(record.value());
	}

	/**
	 * Applies one envelope received from the bookings topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it was applied now (false for duplicates and for other event types)
	 */
	public boolean apply(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		if (!COMPLETED.equals(event.type())) {
			log.debug("booking event type {} does not count in the impact figures", event.type());
			return false;
		}
		return this.processed.applyOnce(CONSUMER, event, (envelope) -> this.facts.record(read(envelope).toFact()));
	}

	private CompletedBookingData read(EventEnvelope envelope) {
		try {
			return this.mapper.treeToValue(envelope.data(), CompletedBookingData.class);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("unreadable booking event " + envelope.id() + ": " + ex.getOriginalMessage());
		}
	}

}
