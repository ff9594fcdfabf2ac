package org.mutualis.notifications.inbox.messaging;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.BookingDirectory;
import org.mutualis.notifications.directory.BookingParties;
import org.mutualis.notifications.inbox.BookingFact;
import org.mutualis.notifications.inbox.WhoIsTold;
import org.mutualis.notifications.inbox.application.Notifying;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells people of booking events ({@code mutualis.bookings.v1}), each event once, and keeps each booking's two
 * organisations for its conversation.
 */
@Component
public class BookingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "notifications-inbox-bookings";

	private static final String PREFIX = "mutualis.booking.";

	private final WhoIsTold whoIsTold;

	private final Notifying notifying;

	private final BookingDirectory bookings;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	BookingEvents(WhoIsTold whoIsTold, Notifying notifying, BookingDirectory bookings, ProcessedEvents processed,
			JsonMapper mapper) {
		this.whoIsTold = whoIsTold;
		this.bookings = bookings;
		this.notifying = notifying;
		this.processed = processed;
		this.mapper = mapper;
	}

	@KafkaListener(id = "notifications-inbox-bookings", groupId = "${spring.kafka.consumer.group-id}-bookings",
			topics = Topics.BOOKINGS)
	void onMessage(ConsumerRecord<String, String> record) {
		apply(record.value());
	}

	/**
	 * Applies one envelope received from the bookings topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it was applied now (false for duplicates and types not of booking)
	 */
	public boolean apply(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		if (!event.type().startsWith(PREFIX) || !event.type().endsWith(".v1")) {
			return false;
		}
		return this.processed.applyOnce(CONSUMER, event, (envelope) -> {
			BookingFact fact = fact(envelope);
			this.bookings.record(new BookingParties(fact.bookingId(), fact.listingId(), fact.ownerOrganisationId(),
					fact.borrowerOrganisationId(), fact.listingTitle().getOrDefault("fr", ""),
					fact.listingTitle().getOrDefault("en", "")));
			this.whoIsTold.booking(fact).ifPresent(this.notifying::tell);
		});
	}

	private BookingFact fact(EventEnvelope event) {
		String fact = event.type().substring(PREFIX.length(), event.type().length() - ".v1".length());
		BookingEventData data;
		try {
			data = this.mapper.treeToValue(event.data(), BookingEventData.class);
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException(event.type() + " data unreadable: " + ex.getMessage());
		}
		boolean proposal = "counter-proposed".equals(fact);
		Map<String, String> languages = (data.languages() != null) ? data.languages() : Map.of();
		return new BookingFact(event.id(), fact, required(data.bookingId(), "bookingId", event),
				required(data.listingId(), "listingId", event),
				(data.listingTitle() != null) ? data.listingTitle() : Map.of(),
				required(data.ownerOrganisationId(), "ownerOrganisationId", event),
				orEmpty(data.ownerOrganisationName()),
				required(data.borrowerOrganisationId(), "borrowerOrganisationId", event),
				orEmpty(data.borrowerOrganisationName()), required(data.requesterId(), "requesterId", event),
				languages.get("owner"), languages.get("borrower"),
				localTime(proposal ? data.proposedLocalStart() : data.localStart(), "localStart", event),
				localTime(proposal ? data.proposedLocalEnd() : data.localEnd(), "localEnd", event),
				zone(required(data.timeZone(), "timeZone", event)),
				data.cancelledBy(), (data.reason() != null) ? data.reason() : data.message(), event.time());
	}

	private static String required(@Nullable String value, String field, EventEnvelope event) {
		if (value == null || value.isBlank()) {
			throw new MalformedEventException(event.type() + " without " + field);
		}
		return value;
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static LocalDateTime localTime(@Nullable String value, String field, EventEnvelope event) {
		try {
			return LocalDateTime.parse(required(value, field, event));
		}
		catch (DateTimeException ex) {
			throw new MalformedEventException(event.type() + " has an unreadable " + field);
		}
	}

	private static ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			throw new MalformedEventException("unknown time zone " + id);
		}
	}

}
