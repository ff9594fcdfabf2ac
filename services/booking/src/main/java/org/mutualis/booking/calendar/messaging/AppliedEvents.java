package org.mutualis.booking.calendar.messaging;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.ProcessedEvents;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The platform's registry of applied events ({@link ProcessedEvents}: same collection, keys {@code <consumer>:<event
 * id>} and fields), asked and written for a whole batch of events at once: one read by ids and one insert, where
 * {@link ProcessedEvents#applyOnce} takes two round trips per event.
 */
@Component
class AppliedEvents {

	private final MongoTemplate mongo;

	private final Clock clock;

	AppliedEvents(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Which of some events a consumer has applied.
	 * @param consumer consumer name
	 * @param eventIds event ids
	 * @return those of the ids it applied
	 */
	Set<String> among(String consumer, Collection<String> eventIds) {
		Set<String> applied = new HashSet<>();
		if (eventIds.isEmpty()) {
			return applied;
		}
		List<String> keys = eventIds.stream().map((id) -> key(consumer, id)).toList();
		// _id alone with $in: answered from the _id index on the embedded store as on MongoDB
		for (Document document : this.mongo.getCollection(ProcessedEvents.COLLECTION)
			.find(Filters.in("_id", keys))
			.projection(Projections.include("_id"))) {
			applied.add(document.getString("_id").substring(consumer.length() + 1));
		}
		return applied;
	}

	/**
	 * Remembers that a consumer applied events; one remembered already (another delivery came first) stays as it is.
	 * @param consumer consumer name
	 * @param events the events applied
	 */
	void remember(String consumer, List<EventEnvelope> events) {
		if (events.isEmpty()) {
			return;
		}
		Date now = Date.from(this.clock.instant());
		List<Document> documents = events.stream()
			.map((event) -> new Document("_id", key(consumer, event.id())).append("consumer", consumer)
				.append("type", event.type())
				.append("subject", event.subject())
				.append("appliedAt", now))
			.toList();
		try {
			this.mongo.getCollection(ProcessedEvents.COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors()
				.stream()
				.anyMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
				throw ex;
			}
		}
	}

	private static String key(String consumer, String eventId) {
		return consumer + ":" + eventId;
	}

}
