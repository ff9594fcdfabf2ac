package org.mutualis.notifications.messaging;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.Administrators;
import org.mutualis.notifications.directory.Listings;
import org.mutualis.notifications.directory.Organisation;
import org.mutualis.notifications.directory.Organisations;
import org.mutualis.notifications.inbox.ReportFact;
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
 * owner's managers of a moderation decision (published, rejected, suspended); a report tells the administrators and
 * the owner's managers, its resolution the owner's managers.
 */
@Component
public class ListingEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "notifications-listings";

	private static final String REPORTED = "mutualis.listing.reported.v1";

	private static final String REPORT_RESOLVED = "mutualis.listing.report-resolved.v1";

	private final Listings listings;

	private final Administrators administrators;

	private final Organisations organisations;

	private final WhoIsTold whoIsTold;

	private final Notifying notifying;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	ListingEvents(Listings listings, Administrators administrators, Organisations organisations, WhoIsTold whoIsTold,
			Notifying notifying, ProcessedEvents processed, JsonMapper mapper) {
		this.listings = listings;
		this.administrators = administrators;
		this.organisations = organisations;
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
		if (event.type().equals(REPORTED) || event.type().equals(REPORT_RESOLVED)) {
			return this.processed.applyOnce(CONSUMER, event, this::report);
		}
		return this.processed.applyOnce(CONSUMER, event, this::record);
	}

	private void report(EventEnvelope event) {
		ReportFacts facts;
		try {
			facts = this.mapper.treeToValue(event.data(), ReportFacts.class);
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException(event.type() + " data unreadable: " + ex.getMessage());
		}
		if (facts.listingId() == null || facts.ownerOrganisationId() == null || facts.reason() == null) {
			throw new MalformedEventException(event.type() + " without listingId, ownerOrganisationId or reason");
		}
		Map<String, String> title = (facts.listingTitle() != null) ? titles(facts.listingTitle())
				: this.listings.find(facts.listingId())
					.map((listing) -> Map.of("fr", listing.titleFr(), "en", listing.titleEn()))
					.orElse(Map.of());
		if (event.type().equals(REPORTED)) {
			ReportFact report = new ReportFact(event.id(), facts.listingId(), facts.ownerOrganisationId(), title,
					facts.reason(), facts.details(), event.time());
			String reporter = (facts.reporterOrganisationId() != null)
					? this.organisations.find(facts.reporterOrganisationId()).map(Organisation::name).orElse(null) : null;
			this.whoIsTold.reported(report, this.administrators.personIds(), reporter).forEach(this.notifying::tell);
		}
		else {
			if (facts.outcome() == null) {
				throw new MalformedEventException(event.type() + " without outcome");
			}
			ReportFact report = new ReportFact(event.id(), facts.listingId(), facts.ownerOrganisationId(), title,
					facts.reason(), facts.note(), event.time());
			this.notifying.tell(this.whoIsTold.reportResolved(report, facts.outcome()));
		}
	}

	private static Map<String, String> titles(Map<String, @Nullable String> title) {
		Map<String, String> present = new HashMap<>();
		title.forEach((language, text) -> {
			if (text != null) {
				present.put(language, text);
			}
		});
		return present;
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
