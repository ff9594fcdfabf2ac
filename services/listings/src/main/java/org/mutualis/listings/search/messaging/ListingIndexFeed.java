package org.mutualis.listings.search.messaging;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.mutualis.listings.search.application.ListingSearch;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's search index in step with changes made through other instances: every instance reads the
 * service's own listing events in a consumer group of its own, and reloads the listing each event names. Once its
 * partitions are assigned it rebuilds the index, so nothing written between start-up and assignment is missed.
 */
@Component
class ListingIndexFeed implements ConsumerSeekAware {

	private static final String REPORT_EVENTS = "mutualis.listing.report";

	private final ListingSearch search;

	private final JsonMapper mapper;

	private final AtomicBoolean caughtUp = new AtomicBoolean();

	ListingIndexFeed(ListingSearch search, JsonMapper mapper) {
		this.search = search;
		this.mapper = mapper;
	}

	@KafkaListener(id = "listings-search-index", groupId = "listings-search-${random.uuid}", topics = Topics.LISTINGS,
			properties = "auto.offset.reset=latest")
	void onMessage(ConsumerRecord<String, String> record) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, record.value());
		if (event.type().startsWith(REPORT_EVENTS)) {
			// keyed by the report: a report does not change what the index holds
			return;
		}
		this.search.refresh((record.key() != null) ? record.key() : event.subject());
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		if (!assignments.isEmpty() && this.caughtUp.compareAndSet(false, true)) {
			this.search.rebuild();
		}
	}

}
