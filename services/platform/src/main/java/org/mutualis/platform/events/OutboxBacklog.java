package org.mutualis.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox backlog gauge, {@code mutualis.outbox.backlog{collection}}: how many documents of each outbox collection
 * hold events Kafka has not acknowledged yet. It stays near zero while the relay keeps up and grows while the broker is
 * away; read at each scrape (unknown, NaN, while the store does not answer).
 */
class OutboxBacklog implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

	private final OutboxRelay relay;

	private final EventsProperties properties;

	OutboxBacklog(OutboxRelay relay, EventsProperties properties) {
		this.relay = relay;
		this.properties = properties;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String collection : this.properties.outboxCollections()) {
			Gauge.builder("mutualis.outbox.backlog", this.relay, (relay) -> read(relay, collection))
				.tag("collection", collection)
				.description("Documents whose outbox holds events not yet acknowledged by Kafka")
				.baseUnit("documents")
				.register(registry);
		}
	}

	private static double read(OutboxRelay relay, String collection) {
		try {
			return relay.backlog(collection);
		}
		catch (RuntimeException ex) {
			log.debug("outbox backlog of {} unknown: {}", collection, ex.toString());
			return Double.NaN;
		}
	}

}
