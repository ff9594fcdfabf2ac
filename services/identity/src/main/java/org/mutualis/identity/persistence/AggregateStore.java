package org.mutualis.identity.persistence;

import java.lang.reflect.RecordComponent;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.mutualis.platform.events.OutboxMessage;
import org.mutualis.platform.events.OutboxRelay;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes an aggregate's state record and the events it caused in one single-document write: an insert for a new
 * aggregate, otherwise an update conditioned on the version it was loaded at that sets the state and pushes the
 * events onto the {@code outbox} array (the relay may be pulling published events from that array meanwhile, so
 * the document is never replaced as a whole).
 */
@Component
public class AggregateStore {

	private final MongoTemplate mongo;

	/**
	 * Creates the store.
	 * @param mongo the service's database
	 */
	public AggregateStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Saves a state record whose {@code id} and {@code version} components identify it.
	 * @param collection the collection
	 * @param id the aggregate id
	 * @param loadedVersion the version it was loaded at, 0 when new
	 * @param state the state record
	 * @param events the events to publish
	 * @throws OptimisticLockingFailureException when someone else changed it since it was loaded
	 */
	public void save(String collection, String id, long loadedVersion, Record state, List<OutboxMessage> events) {
		Document document = new Document();
		this.mongo.getConverter().write(state, document);
		document.remove("_class");
		document.put("version", loadedVersion + 1);
		List<Document> outbox = events.stream().map(AggregateStore::outboxDocument).toList();
		if (loadedVersion == 0) {
			document.put("_id", id);
			document.put(OutboxRelay.OUTBOX_FIELD, outbox);
			this.mongo.insert(document, collection);
			return;
		}
		Update update = new Update();
		document.forEach((key, value) -> {
			if (!"_id".equals(key)) {
				update.set(key, value);
			}
		});
		for (RecordComponent component : state.getClass().getRecordComponents()) {
			String name = component.getName();
			if (!"id".equals(name) && !document.containsKey(name)) {
				// a component that became null is absent from the converted document: remove the stored value
				update.unset(name);
			}
		}
		if (!outbox.isEmpty()) {
			update.push(OutboxRelay.OUTBOX_FIELD).each(outbox.toArray());
		}
		Query query = Query.query(Criteria.where("_id").is(id).and("version").is(loadedVersion));
		if (this.mongo.updateFirst(query, update, collection).getMatchedCount() == 0) {
			throw new OptimisticLockingFailureException(collection + " " + id + " changed since version " + loadedVersion);
		}
	}

	private static Document outboxDocument(OutboxMessage message) {
		return new Document("id", message.id()).append("topic", message.topic())
			.append("type", message.type())
			.append("subject", message.subject())
			.append("time", Date.from(message.time()))
			.append("payload", message.payload());
	}

}
