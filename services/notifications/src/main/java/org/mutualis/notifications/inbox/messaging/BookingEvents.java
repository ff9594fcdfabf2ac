package org.mutualis.notifications.inbox.messaging;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.observation.Observation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.BookingDirectory;
import org.mutualis.notifications.directory.BookingParties;
import org.mutualis.notifications.inbox.BookingFact;
import org.mutualis.notifications.inbox.Notice;
import org.mutualis.notifications.inbox.WhoIsTold;
import org.mutualis.notifications.inbox.application.Notifying;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.EventsAutoConfiguration;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.RecordTraces;
import org.mutualis.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells people of booking events ({@code mutualis.bookings.v1}), each event once, and keeps each booking's two
 * organisations for its conversation. It takes what the broker has in one batch: which events were applied is asked
 * and remembered once per batch, and the notifications of the whole batch are written together (see
 * {@link Notifying#tellAll}); a redelivered event still gives nothing, by its id and by its notifications' ids. Each
 * record is read, turned into its notice and logged as applied in a span of its own that continues the trace of its
 * {@code traceparent} header ({@link RecordTraces}).
 */
@Component
public class BookingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "notifications-inbox-bookings";

	private static final Logger log = LoggerFactory.getLogger(BookingEvents.class);

	private static final String PREFIX = "mutualis.booking.";

	/** How many bookings' parties this instance remembers having written, so as not to write them again unchanged. */
	private static final int KNOWN_PARTIES = 10_000;

	private final WhoIsTold whoIsTold;

	private final Notifying notifying;

	private final BookingDirectory bookings;

	private final ProcessedEvents applied;

	private final JsonMapper mapper;

	private final RecordTraces traces;

	private final Map<String, BookingParties> written = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, BookingParties> eldest) {
			return size() > KNOWN_PARTIES;
		}
	});

	BookingEvents(WhoIsTold whoIsTold, Notifying notifying, BookingDirectory bookings, ProcessedEvents applied,
			JsonMapper mapper, RecordTraces traces) {
		this.whoIsTold = whoIsTold;
		this.bookings = bookings;
		this.notifying = notifying;
		this.applied = applied;
		this.mapper = mapper;
		this.traces = traces;
	}

	@KafkaListener(id = "notifications-inbox-bookings", groupId = "${spring.kafka.consumer.group-id}-bookings",
			topics = Topics.BOOKINGS, containerFactory = EventsAutoConfiguration.BATCH_LISTENER_FACTORY)
	void onMessages(List<ConsumerRecord<String, String>> records) {
		// each record in a span continuing its event's trace, so that its applied line carries the request's trace id
		this.traces.consume(records, CONSUMER, this::read, this::applyRead);
	}

	/**
	 * Applies one envelope received from the bookings topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it was applied now (false for duplicates and types not of booking)
	 * @throws MalformedEventException if it is not a readable booking event
	 */
	public boolean apply(String json) {
		return read(json, Observation.NOOP).map((event) -> applyRead(List.of(event)) > 0).orElse(false);
	}

	/**
	 * Applies envelopes of the bookings topic, in order, each once.
	 * @param jsons the CloudEvents JSON texts
	 * @return how many were applied now
	 * @throws MalformedEventException at the first that is not a readable booking event, before applying any
	 */
	public int applyAll(List<String> jsons) {
		List<Read> read = new ArrayList<>();
		for (String json : jsons) {
			read(json, Observation.NOOP).ifPresent(read::add);
		}
		return applyRead(read);
	}

	private Optional<Read> read(String json, Observation trace) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		if (!event.type().startsWith(PREFIX) || !event.type().endsWith(".v1")) {
			return Optional.empty();
		}
		return Optional.of(new Read(event, fact(event), trace));
	}

	private int applyRead(List<Read> read) {
		Set<String> done = this.applied.appliedAmong(CONSUMER, read.stream().map((event) -> event.envelope().id()).toList());
		Map<String, Read> fresh = new LinkedHashMap<>();
		for (Read event : read) {
			if (!done.contains(event.envelope().id())) {
				fresh.putIfAbsent(event.envelope().id(), event);
			}
		}
		if (fresh.isEmpty()) {
			return 0;
		}
		List<Notice> notices = new ArrayList<>();
		fresh.values()
			.forEach((event) -> event.trace()
				.scoped(() -> this.whoIsTold.booking(event.fact()))
				.ifPresent(notices::add));
		this.notifying.tellAll(notices);
		// after the notifications, so that they reach the live streams first; the parties are the same in every
		// event of a booking, so one write per booking
		Map<String, BookingFact> parties = new LinkedHashMap<>();
		fresh.values().forEach((event) -> parties.put(event.fact().bookingId(), event.fact()));
		for (BookingFact fact : parties.values()) {
			BookingParties stated = new BookingParties(fact.bookingId(), fact.listingId(), fact.ownerOrganisationId(),
					fact.borrowerOrganisationId(), fact.listingTitle().getOrDefault("fr", ""),
					fact.listingTitle().getOrDefault("en", ""));
			// a booking's later events state the same parties: written once per instance unless they change
			if (!stated.equals(this.written.get(fact.bookingId()))) {
				this.bookings.record(stated);
				this.written.put(fact.bookingId(), stated);
			}
		}
		this.applied.rememberAll(CONSUMER, fresh.values().stream().map(Read::envelope).toList());
		// one line per applied event, as the platform's consumers write it, with the trace id of its request
		fresh.values().forEach((event) -> event.trace().scoped(() -> log.info("applied {} {} of {} ({})",
				event.envelope().type(), event.envelope().id(), event.envelope().subject(), CONSUMER)));
		return fresh.size();
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

	/** An envelope read from the topic with the fact it tells and the observation of its record. */
	private record Read(EventEnvelope envelope, BookingFact fact, Observation trace) {
	}

}
