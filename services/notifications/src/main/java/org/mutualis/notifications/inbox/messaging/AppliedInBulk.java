package org.mutualis.notifications.inbox.messaging;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.ProcessedEvents;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The platform's registry of applied events ({@link ProcessedEvents}, same collection, same keys and fields) read and
 * written for a whole batch at once: one lookup by ids and one insert, instead of two round trips per event.
 */
@Component
class AppliedInBulk {

	private final MongoTemplate mongo;

	private final Clock clock;

	AppliedInBulk(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Which of some events a consumer applied already.
	 * @param consumer consumer name
	 * @param eventIds event ids
	 * @return the ids among them it applied
	 */
	Set<String> among(String consumer, Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return Set.of();
		}
		Query query = Query.query(Criteria.where("_id").in(eventIds.stream().map((id) -> key(consumer, id)).toList()));
		query.fields().include("_id");
		Set<String> applied = new HashSet<>();
		for (Document document : this.mongo.find(query, Document.class, ProcessedEvents.COLLECTION)) {
			applied.add(document.getString("_id").substring(consumer.length() + 1));
		}
		return applied;
	}

	/**
	 * Remembers that a consumer applied events; those remembered already (another delivery won) are left as they are.
	 * @param consumer consumer name
	 * @param events the events
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
			this.mongo.getCollection(ProcessedEvents.COLLECTION)
				.insertMany(documents, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors().stream()
				.anyMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
				throw ex;
			}
		}
	}

	private static String key(String consumer, String eventId) {
		return consumer + ":" + eventId;
	}

}
