package org.mutualis.notifications.messaging;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.Listings;
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
 * Applies listings' events to notifications' listing copies (owner, titles, time zone), each once, then tells the
 * owner's managers of a moderation decision (published, rejected, suspended).
 */
@Component
public class ListingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "notifications-listings";

	private final Listings listings;

	private final WhoIsTold whoIsTold;

	private final Notifying notifying;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	ListingEvents(Listings listings, WhoIsTold whoIsTold, Notifying notifying, ProcessedEvents processed,
			JsonMapper mapper) {
		this.listings = listings;
		this.whoIsTold = whoIsTold;
		this.notifying = notifying;
		this.processed = processed;
		this.mapper = mapper;
	}

	@KafkaListener(id = "notifications-listings", groupId = "${spring.kafka.consumer.group-id}-listings",
			topics = Topics.LISTINGS)
	void onMessage(ConsumerRecord<String, String> record) {
		apply(record.value());
	}

	/**
	 * Applies one envelope received from the listings topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it was applied now (false for duplicates and types not used here)
	 */
	public boolean apply(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		if (!event.type().startsWith("mutualis.listing.") || !event.type().endsWith(".v1")) {
			return false;
		}
		return this.processed.applyOnce(CONSUMER, event, this::record);
	}

	private void record(EventEnvelope event) {
		ListingFacts facts;
		try {
			facts = this.mapper.treeToValue(event.data(), ListingFacts.class);
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException(event.type() + " data unreadable: " + ex.getMessage());
		}
		if (facts.listingId() == null || facts.ownerOrganisationId() == null) {
			throw new MalformedEventException(event.type() + " without listingId or ownerOrganisationId");
		}
		Map<String, String> title = (facts.listing() != null && facts.listing().title() != null) ? facts.listing().title()
				: facts.title();
		ZoneId zone = (facts.listing() != null) ? zone(facts.listing().timeZone()) : null;
		this.listings.record(facts.listingId(), facts.ownerOrganisationId(), (title != null) ? title.get("fr") : null,
				(title != null) ? title.get("en") : null, zone);
		String fact = event.type().substring("mutualis.listing.".length(), event.type().length() - ".v1".length());
		this.listings.find(facts.listingId())
			.flatMap((listing) -> this.whoIsTold.listing(event.id(), fact, listing, facts.reason(), event.time()))
			.ifPresent(this.notifying::tell);
	}

	private static @Nullable ZoneId zone(@Nullable String id) {
		if (id == null) {
			return null;
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			throw new MalformedEventException("unknown time zone " + id);
		}
	}

}
