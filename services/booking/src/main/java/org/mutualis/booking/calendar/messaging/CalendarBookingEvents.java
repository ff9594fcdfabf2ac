package org.mutualis.booking.calendar.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mutualis.booking.calendar.CalendarEntries;
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
 * Keeps the calendar read model from booking's own events ({@code mutualis.bookings.v1}, consumer group
 * {@code booking-calendar}), each applied once; every booking fact but reminders changes how a booking shows.
 */
@Component
public class CalendarBookingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "booking-calendar";

	private static final String PREFIX = "mutualis.booking.";

	private static final Logger log = LoggerFactory.getLogger(CalendarBookingEvents.class);

	private final CalendarEntries entries;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	CalendarBookingEvents(CalendarEntries entries, ProcessedEvents processed, JsonMapper mapper) {
		this.entries = entries;
		this.processed = processed;
		this.mapper = mapper;
	}

	@KafkaListener(id = "booking-calendar", groupId = "${spring.kafka.consumer.group-id}-calendar",
			topics = Topics.BOOKINGS)
	void onMessage(ConsumerRecord<String, String> record) {
		apply(record.value());
	}

	/**
	 * Applies one envelope received from the bookings topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it was applied now (false for duplicates and for types the calendar does not use)
	 */
	public boolean apply(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		if (!event.type().startsWith(PREFIX) || !event.type().endsWith(".v1")
				|| "mutualis.booking.reminder-due.v1".equals(event.type())) {
			log.debug("booking event type {} does not change calendars", event.type());
			return false;
		}
		return this.processed.applyOnce(CONSUMER, event, (envelope) -> this.entries.record(read(envelope).toEntry()));
	}

	private BookingEventData read(EventEnvelope envelope) {
		try {
			return this.mapper.treeToValue(envelope.data(), BookingEventData.class);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("unreadable booking event " + envelope.id() + ": " + ex.getOriginalMessage());
		}
	}

}
