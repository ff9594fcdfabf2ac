package org.mutualis.booking.ledger.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mutualis.booking.ledger.Ledger;
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
 * Feeds the ledger from booking's own events ({@code mutualis.bookings.v1}, consumer group {@code booking-ledger}):
 * each completed booking with cost recovery and an amount due makes one entry, however often it is delivered.
 */
@Component
public class LedgerBookingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "booking-ledger";

	static final String COMPLETED = "mutualis.booking.completed.v1";

	private static final Logger log = LoggerFactory.getLogger(LedgerBookingEvents.class);

	private final Ledger ledger;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	LedgerBookingEvents(Ledger ledger, ProcessedEvents processed, JsonMapper mapper) {
		this.ledger = ledger;
		this.processed = processed;
		this.mapper = mapper;
	}

	@KafkaListener(id = "booking-ledger", groupId = "${spring.kafka.consumer.group-id}-ledger", topics = Topics.BOOKINGS)
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
			log.debug("booking event type {} does not touch the ledger", event.type());
			return false;
		}
		return this.processed.applyOnce(CONSUMER, event, (envelope) -> read(envelope).toEntry().ifPresent(this.ledger::record));
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
