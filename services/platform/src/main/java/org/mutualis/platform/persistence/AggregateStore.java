package org.mutualis.platform.persistence;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bson.Document;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.aggregate.StaleVersion;
import org.mutualis.platform.events.EventRecorder;
import org.mutualis.platform.events.OutboxMessage;
import org.mutualis.platform.events.OutboxRelay;
import org.mutualis.platform.events.OutboxWakeUp;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Loads and saves aggregates' documents. A save is one single-document write: an insert at version 0 for a new
 * aggregate, otherwise an update conditioned on the version the aggregate was loaded at, which sets the state,
 * moves the version on and appends the recorded events to the document's {@value OutboxRelay#OUTBOX_FIELD}
 * array. A stale version writes nothing; no event is stored without its state change, and the other way round.
 * <p>
 * The document is never replaced as a whole, because the {@link OutboxRelay} may be removing published events
 * from the same array meanwhile.
 */
public class AggregateStore {

	/** Name of the field that holds the stored version. */
	public static final String VERSION_FIELD = "version";

	private final MongoTemplate mongo;

	private final EventRecorder recorder;

	private final Set<String> versionIndexed = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the store.
	 * @param mongo the service's database
	 * @param recorder turns domain events into outbox messages
	 */
	public AggregateStore(MongoTemplate mongo, EventRecorder recorder) {
		this.mongo = mongo;
		this.recorder = recorder;
	}

	/**
	 * Reads one document with its version.
	 * @param <D> document type
	 * @param collection the collection
	 * @param id the aggregate id
	 * @param type the document type
	 * @return the document, if stored
	 */
	public <D> Optional<Stored<D>> find(String collection, String id, Class<D> type) {
		return find(collection, Query.query(Criteria.where("_id").is(id)), type).stream().findFirst();
	}

	/**
	 * Reads the documents a query selects, each with its version; the outbox is not read.
	 * @param <D> document type
	 * @param collection the collection
	 * @param query the query (filters, sort, paging)
	 * @param type the document type
	 * @return the documents
	 */
	public <D> List<Stored<D>> find(String collection, Query query, Class<D> type) {
		query.fields().exclude(OutboxRelay.OUTBOX_FIELD);
		return this.mongo.find(query, Document.class, collection)
			.stream()
			.map((raw) -> new Stored<>(this.mongo.getConverter().read(type, raw), versionOf(raw)))
			.toList();
	}

	/**
	 * Visits every document a query selects, one at a time, without holding them all in memory (e.g. to rebuild a
	 * read model or an index); the outbox is not read.
	 * @param <D> document type
	 * @param collection the collection
	 * @param query the query
	 * @param type the document type
	 * @param visitor receives each document with its version
	 */
	public <D> void forEach(String collection, Query query, Class<D> type, Consumer<Stored<D>> visitor) {
		query.fields().exclude(OutboxRelay.OUTBOX_FIELD);
		try (Stream<Document> documents = this.mongo.stream(query, Document.class, collection)) {
			documents.forEach((raw) -> visitor.accept(new Stored<>(this.mongo.getConverter().read(type, raw), versionOf(raw))));
		}
	}

	/**
	 * Stores an aggregate's state with the events it recorded, then tells the aggregate it is stored.
	 * @param <E> event type
	 * @param collection the collection
	 * @param aggregate the aggregate, new or loaded at some version
	 * @param document its state as a document object (a record or a mapped class; its {@code id} becomes
	 * {@code _id}, and it must not have a {@code version} or {@code outbox} of its own)
	 * @param topic the topic its events go to
	 * @param typeOf the logical event type of each event ({@code mutualis.<aggregate>.<fact>.v1})
	 * @return the version now stored
	 * @throws StaleVersion when someone else stored another version since it was loaded
	 * @throws org.springframework.dao.DuplicateKeyException when a new aggregate's id or a unique field exists
	 */
	public <E> long save(String collection, AggregateRoot<E> aggregate, Object document, String topic,
			Function<? super E, String> typeOf) {
		List<OutboxMessage> events = aggregate.pendingEvents()
			.stream()
			.map((event) -> this.recorder.record(topic, typeOf.apply(event), aggregate.id(), event))
			.toList();
		List<Document> outbox = events.stream().map(OutboxMessage::toDocument).toList();
		Document state = new Document();
		this.mongo.getConverter().write(document, state);
		state.remove("_class");
		state.put("_id", aggregate.id());
		long next = aggregate.version() + 1;
		ensureVersionIndex(collection);
		if (aggregate.isNew()) {
			state.put(VERSION_FIELD, next);
			state.put(OutboxRelay.OUTBOX_FIELD, outbox);
			this.mongo.insert(state, collection);
		}
		else {
			update(collection, aggregate, document.getClass(), state, outbox, next);
		}
		if (!events.isEmpty()) {
			// the events travel with the signal: the relay publishes them without reading the document back
			OutboxWakeUp.committed(collection, aggregate.id(), next, events);
		}
		aggregate.stored(next);
		return next;
	}

	private void update(String collection, AggregateRoot<?> aggregate, Class<?> type, Document state,
			List<Document> outbox, long next) {
		Update update = new Update();
		state.forEach((key, value) -> {
			if (!"_id".equals(key)) {
				update.set(key, value);
			}
		});
		for (String field : storedFields(type)) {
			if (!state.containsKey(field)) {
				// a property that became null is absent from the converted document: remove the stored value
				update.unset(field);
			}
		}
		update.set(VERSION_FIELD, next);
		if (!outbox.isEmpty()) {
			update.push(OutboxRelay.OUTBOX_FIELD).each(outbox.toArray());
		}
		Query current = Query.query(Criteria.where("_id").is(aggregate.id()).and(VERSION_FIELD).is(aggregate.version()));
		if (this.mongo.updateFirst(current, update, collection).getMatchedCount() == 0) {
			throw new StaleVersion(aggregate.id(), aggregate.version(), -1);
		}
	}

	private Set<String> storedFields(Class<?> type) {
		MongoPersistentEntity<?> entity = this.mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
		Set<String> fields = new HashSet<>();
		for (MongoPersistentProperty property : entity) {
			if (!property.isIdProperty()) {
				fields.add(property.getFieldName());
			}
		}
		return fields;
	}

	/**
	 * Gives the collection a unique index on exactly {@code {_id, version}}, the conditional update's filter, once per
	 * collection and process. MongoDB would use its {@code _id} index anyway; the embedded store uses an index only
	 * when a filter names exactly its fields, and otherwise scans the whole collection under its lock on every save.
	 * A failure (the store away) is left for the next save to retry; the save itself reports the outage.
	 */
	private void ensureVersionIndex(String collection) {
		if (this.versionIndexed.contains(collection)) {
			return;
		}
		try {
			this.mongo.indexOps(collection)
				.createIndex(new Index().on("_id", Sort.Direction.ASC)
					.on(VERSION_FIELD, Sort.Direction.ASC)
					.unique()
					.named("id_version"));
			this.versionIndexed.add(collection);
		}
		catch (RuntimeException ex) {
			// retried by the next save of this collection
		}
	}

	private static long versionOf(Document raw) {
		Object version = raw.get(VERSION_FIELD);
		if (!(version instanceof Number number)) {
			throw new IllegalStateException("document " + raw.get("_id") + " has no version");
		}
		return number.longValue();
	}

}
