package org.mutualis.platform.events;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.domain.Sort;

/**
 * Remembers which events this service has applied, per consumer, so that a redelivered event changes
 * nothing. The key {@code <consumer>:<event id>} is the document id, which MongoDB keeps unique.
 */
public class ProcessedEvents {

	/** Collection that holds one document per applied event. */
	public static final String COLLECTION = "processed_events";

	private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	/**
	 * Creates the registry and makes sure its index exists.
	 * @param mongo the service's database
	 * @param clock stamps when an event was applied
	 */
	public ProcessedEvents(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.mongo.indexOps(COLLECTION).createIndex(new Index().on("appliedAt", Sort.Direction.ASC));
	}

	/**
	 * Applies an event unless this consumer already applied it. The handler runs first and the event is
	 * remembered after: a crash in between means the event is applied again on redelivery, so handlers write
	 * idempotently (upserts, conditional updates); the registry makes ordinary redelivery a no-op.
	 * @param consumer name of the consuming feature, e.g. {@code organisation-directory}
	 * @param event the received envelope
	 * @param handler what applying the event means
	 * @return {@code true} if the handler ran, {@code false} if the event was a duplicate
	 */
	public boolean applyOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> handler) {
		String key = consumer + ":" + event.id();
		if (isStored(key)) {
			log.debug("event {} already applied by {}, skipped", event.id(), consumer);
			return false;
		}
		handler.accept(event);
		try {
			this.mongo.insert(new Document("_id", key).append("consumer", consumer)
				.append("type", event.type())
				.append("subject", event.subject())
				.append("appliedAt", java.util.Date.from(this.clock.instant())), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// another delivery of the same event won the race; the handler is idempotent by contract
			return false;
		}
		// one line per applied event, with the trace id of the request that caused it (the consumer continues its trace)
		log.info("applied {} {} of {} ({})", event.type(), event.id(), event.subject(), consumer);
		return true;
	}

	/**
	 * Which of some events a consumer applied already: one read by ids for a whole batch (a consumer taking what the
	 * broker has in one poll, where {@link #applyOnce} takes two round trips per event).
	 * @param consumer consumer name
	 * @param eventIds event ids
	 * @return the ids among them it applied
	 */
	public Set<String> appliedAmong(String consumer, Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return Set.of();
		}
		// _id alone with $in: answered from the _id index on the embedded store as on MongoDB
		Query query = Query.query(Criteria.where("_id").in(eventIds.stream().map((id) -> consumer + ":" + id).toList()));
		query.fields().include("_id");
		Set<String> applied = new HashSet<>();
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			applied.add(document.getString("_id").substring(consumer.length() + 1));
		}
		return applied;
	}

	/**
	 * Remembers, in one insert, that a consumer applied a batch of events (after applying them, idempotently, as with
	 * {@link #applyOnce}); one remembered already (another delivery came first) stays as it is.
	 * @param consumer consumer name
	 * @param events the events applied
	 */
	public void rememberAll(String consumer, List<EventEnvelope> events) {
		if (events.isEmpty()) {
			return;
		}
		Date now = Date.from(this.clock.instant());
		List<Document> documents = events.stream()
			.map((event) -> new Document("_id", consumer + ":" + event.id()).append("consumer", consumer)
				.append("type", event.type())
				.append("subject", event.subject())
				.append("appliedAt", now))
			.toList();
		try {
			this.mongo.getCollection(COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors()
				.stream()
				.anyMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
				throw ex;
			}
		}
	}

	/**
	 * Tells whether a consumer has applied an event.
	 * @param consumer consumer name
	 * @param eventId event id
	 * @return whether it was applied
	 */
	public boolean isApplied(String consumer, String eventId) {
		return isStored(consumer + ":" + eventId);
	}

	// MongoTemplate.exists counts, and the embedded store answers every count with a scan; a find by _id uses its index
	private boolean isStored(String key) {
		Query query = Query.query(Criteria.where("_id").is(key));
		query.fields().include("_id");
		return this.mongo.findOne(query, Document.class, COLLECTION) != null;
	}

}
