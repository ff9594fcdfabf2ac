package org.mutualis.booking.listing.messaging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.listing.Blackout;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.CostRecovery;
import org.mutualis.booking.listing.ListingDirectory;
import org.mutualis.booking.listing.ListingStatus;
import org.mutualis.booking.listing.Title;
import org.mutualis.booking.listing.WeeklyWindow;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies listings' events to the listing read model, each once. Published, updated and reinstated events carry the
 * facts and the status they leave (an update of a draft stays a draft); suspended, archived and rejected carry only
 * a status. The consumer group reads from the earliest offset, so a fresh database rebuilds the whole model.
 */
@Component
public class ListingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "booking-listing-directory";

	private static final Logger log = LoggerFactory.getLogger(ListingEvents.class);

	private final ListingDirectory directory;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	ListingEvents(ListingDirectory directory, ProcessedEvents processed, JsonMapper mapper) {
		this.directory = directory;
		this.processed = processed;
		this.mapper = mapper;
	}

	@KafkaListener(id = "booking-listing-events", groupId = "${spring.kafka.consumer.group-id}-listing-directory",
			topics = Topics.LISTINGS)
	void onMessage(ConsumerRecord<String, String> record) {
		apply(record.value());
	}

	/**
	 * Applies one envelope received from the listings topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it changed the read model (false for duplicates and types not used here)
	 */
	public boolean apply(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		return switch (event.type()) {
			case "mutualis.listing.published.v1", "mutualis.listing.updated.v1", "mutualis.listing.reinstated.v1" ->
				this.processed.applyOnce(CONSUMER, event, (e) -> this.directory.record(facts(e.data(), e.time())));
			case "mutualis.listing.submitted.v1" -> status(event, ListingStatus.PENDING_REVIEW);
			case "mutualis.listing.suspended.v1" -> status(event, ListingStatus.SUSPENDED);
			case "mutualis.listing.archived.v1" -> status(event, ListingStatus.ARCHIVED);
			case "mutualis.listing.rejected.v1" -> status(event, ListingStatus.REJECTED);
			default -> {
				log.debug("listing event type {} is not used here", event.type());
				yield false;
			}
		};
	}

	private boolean status(EventEnvelope event, ListingStatus status) {
		return this.processed.applyOnce(CONSUMER, event, (e) -> this.directory.recordStatus(required(e.data(), "listingId"),
				required(e.data(), "ownerOrganisationId"), status, e.time()));
	}

	private BookableListing facts(JsonNode data, Instant time) {
		JsonNode listing = data.get("listing");
		if (listing == null || !listing.isObject()) {
			throw new MalformedEventException("listing event without listing facts");
		}
		ListingFactsMessage facts;
		try {
			facts = this.mapper.treeToValue(listing, ListingFactsMessage.class);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("unreadable listing facts: " + ex.getMessage());
		}
		try {
			return toListing(required(data, "listingId"), required(data, "ownerOrganisationId"), facts, time);
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException("invalid listing facts: " + ex.getMessage());
		}
	}

	static BookableListing toListing(String id, String owner, ListingFactsMessage facts, Instant time) {
		ListingFactsMessage.Policy policy = facts.bookingPolicy();
		BookingRules rules = new BookingRules(BookingMode.valueOf(policy.mode()), policy.minDurationMinutes(),
				policy.maxDurationMinutes(), policy.minNoticeHours(), policy.maxAdvanceDays(), policy.bufferBeforeMinutes(),
				policy.bufferAfterMinutes(), policy.monthlyQuotaPerOrganisation(),
				(policy.cancellationNoticeHours() != null) ? policy.cancellationNoticeHours()
						: BookingRules.DEFAULT_CANCELLATION_NOTICE_HOURS);
		List<WeeklyWindow> weekly = facts.availability()
			.weekly()
			.stream()
			.map((w) -> new WeeklyWindow(DayOfWeek.valueOf(w.day()), LocalTime.parse(w.from()), LocalTime.parse(w.to())))
			.toList();
		List<Blackout> blackouts = facts.availability()
			.blackouts()
			.stream()
			.map((b) -> new Blackout(LocalDate.parse(b.from()), LocalDate.parse(b.to()), (b.reason() != null) ? b.reason() : ""))
			.toList();
		List<Title> prerequisites = (facts.prerequisites() != null)
				? facts.prerequisites().stream().map((t) -> new Title(t.fr(), t.en())).toList() : List.of();
		int capacity = (facts.capacity() != null) ? facts.capacity() : facts.bookableAtOnce();
		return new BookableListing(id, owner, ListingStatus.valueOf(facts.status()), facts.kind(),
				new Title(facts.title().fr(), facts.title().en()), (facts.mrc() != null) ? facts.mrc() : "",
				facts.bookableAtOnce(), capacity, BookingUnit.valueOf(facts.unit()), ZoneId.of(facts.timeZone()), weekly,
				blackouts, rules, new CostRecovery(facts.costRecovery().mode(), facts.costRecovery().amount()),
				facts.marketValuePerUnit(), prerequisites, time);
	}

	private static String required(JsonNode data, String field) {
		String value = text(data, field);
		if (value == null) {
			throw new MalformedEventException("listing event without " + field);
		}
		return value;
	}

	private static @Nullable String text(JsonNode data, String field) {
		JsonNode value = data.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
