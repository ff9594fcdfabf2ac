package org.mutualis.booking.calendar.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.observation.Observation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mutualis.booking.calendar.CalendarEntries;
import org.mutualis.booking.calendar.CalendarEntry;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.EventsAutoConfiguration;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.RecordTraces;
import org.mutualis.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the calendar read model from booking's own events ({@code mutualis.bookings.v1}, consumer group
 * {@code booking-calendar}), each applied once; every booking fact but reminders changes how a booking shows. It takes
 * what the broker has in one batch: which events were applied is asked and remembered once per batch, and each
 * booking's entry is written once per batch (an instant booking's {@code requested} and {@code confirmed} arrive
 * together), where one event at a time took four store round trips per event. A poll waits up to 200 ms for more
 * events, so that batches stay large at a steady, moderate rate too.
 */
@Component
public class CalendarBookingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "booking-calendar";

	private static final String PREFIX = "mutualis.booking.";

	private static final Logger log = LoggerFactory.getLogger(CalendarBookingEvents.class);

	private final CalendarEntries entries;

	private final ProcessedEvents applied;

	private final JsonMapper mapper;

	private final RecordTraces traces;

	CalendarBookingEvents(CalendarEntries entries, ProcessedEvents applied, JsonMapper mapper, RecordTraces traces) {
		this.entries = entries;
		this.applied = applied;
		this.mapper = mapper;
		this.traces = traces;
	}

	@KafkaListener(id = "booking-calendar", groupId = "${spring.kafka.consumer.group-id}-calendar",
			topics = Topics.BOOKINGS, containerFactory = EventsAutoConfiguration.BATCH_LISTENER_FACTORY,
			// the broker answers a poll once 64 KB wait or after 200 ms: at a steady 50 bookings/s a poll took one
			// event, so each cost the batch's four store round trips (16% of booking's CPU); a calendar a fifth of a
			// second later is still a calendar that is current
			properties = { "fetch.min.bytes=65536", "fetch.max.wait.ms=200" })
	void onMessages(List<ConsumerRecord<String, String>> records) {
		// each record in a span continuing its event's trace, so that its applied line carries the request's trace id
		this.traces.consume(records, CONSUMER, this::read, this::applyRead);
	}

	/**
	 * Applies one envelope received from the bookings topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it was applied now (false for duplicates and for types the calendar does not use)
	 * @throws MalformedEventException if it is a booking event whose data cannot be read
	 */
	public boolean apply(String json) {
		return read(json, Observation.NOOP).map((fact) -> applyRead(List.of(fact)) > 0).orElse(false);
	}

	/**
	 * Applies envelopes of the bookings topic, in order, each once.
	 * @param jsons the CloudEvents JSON texts
	 * @return how many were applied now
	 * @throws MalformedEventException at the first booking event whose data cannot be read, before applying any
	 */
	public int applyAll(List<String> jsons) {
		List<Fact> read = new ArrayList<>();
		for (String json : jsons) {
			read(json, Observation.NOOP).ifPresent(read::add);
		}
		return applyRead(read);
	}

	private Optional<Fact> read(String json, Observation trace) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		if (!event.type().startsWith(PREFIX) || !event.type().endsWith(".v1")
				|| "mutualis.booking.reminder-due.v1".equals(event.type())) {
			log.debug("booking event type {} does not change calendars", event.type());
			return Optional.empty();
		}
		return Optional.of(new Fact(event, data(event).toEntry(), trace));
	}

	/** Applies the facts not applied yet, then remembers them: a crash in between re-applies, which the store absorbs. */
	private int applyRead(List<Fact> read) {
		Set<String> done = this.applied.appliedAmong(CONSUMER, read.stream().map((fact) -> fact.envelope().id()).toList());
		Map<String, Fact> fresh = new LinkedHashMap<>();
		for (Fact fact : read) {
			if (!done.contains(fact.envelope().id())) {
				fresh.putIfAbsent(fact.envelope().id(), fact);
			}
		}
		if (fresh.isEmpty()) {
			return 0;
		}
		this.entries.recordAll(fresh.values().stream().map(Fact::entry).toList());
		this.applied.rememberAll(CONSUMER, fresh.values().stream().map(Fact::envelope).toList());
		// one line per applied event, as the platform's consumers write it, with the trace id of its request
		fresh.values().forEach((fact) -> fact.trace().scoped(() -> log.info("applied {} {} of {} ({})",
				fact.envelope().type(), fact.envelope().id(), fact.envelope().subject(), CONSUMER)));
		return fresh.size();
	}

	private BookingEventData data(EventEnvelope envelope) {
		try {
			return this.mapper.treeToValue(envelope.data(), BookingEventData.class);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("unreadable booking event " + envelope.id() + ": " + ex.getOriginalMessage());
		}
	}

	/** A received event and the calendar entry it states. */
	private record Fact(EventEnvelope envelope, CalendarEntry entry, Observation trace) {
	}

}
