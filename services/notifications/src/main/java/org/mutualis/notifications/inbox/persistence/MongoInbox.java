package org.mutualis.notifications.inbox.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.preferences.Category;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps the inbox in the {@value #COLLECTION} collection, one document per notification. A notification's number
 * is the person's last plus one, and {@code (personId, sequence)} is unique: a writer that loses the race for a
 * number takes the next one, so numbers become visible in order and a live stream that sent number n never later
 * finds a smaller one.
 * <p>
 * The person's last number is kept in the {@value #COUNTERS} collection ({@code _id} = person, {@code last}), read
 * by id: the embedded store answers only {@code _id} and unique-index lookups without scanning the whole
 * collection, and the old way (sorting the person's notifications) grew slower with every notification. The counter
 * is moved to n only once number n is stored (by its writer, or by the writer that found it taken, should the first
 * have stopped in between), so every number up to the counter exists and the next one is always the counter plus
 * one. Reading a stream's next numbers is likewise one unique-index lookup per number.
 */
@Repository
class MongoInbox implements Inbox {

	static final String COLLECTION = "notifications";

	static final String COUNTERS = "inbox_counters";

	private static final int MAX_ATTEMPTS = 50;

	private final MongoTemplate mongo;

	MongoInbox(MongoTemplate mongo) {
		this.mongo = mongo;
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("personId", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC).unique());
		this.mongo.indexOps(COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.ASC));
	}

	@Override
	public Optional<Notification> add(Notification draft) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			long sequence = last(draft.personId()) + 1;
			Notification numbered = new Notification(draft.id(), draft.personId(), sequence, draft.kind(),
					draft.category(), draft.title(), draft.body(), draft.link(), draft.listingId(), draft.conversationId(),
					draft.createdAt(), draft.readAt());
			try {
				this.mongo.insert(toDocument(numbered), COLLECTION);
				advance(draft.personId(), sequence);
				return Optional.of(numbered);
			}
			catch (DuplicateKeyException ex) {
				if (exists(draft.id())) {
					// the same notification: a redelivery raced us
					return Optional.empty();
				}
				// another writer holds this number: it exists, so the counter may move to it (its writer may
				// have stopped before doing so) and we take the next one
				advance(draft.personId(), sequence);
			}
		}
		throw new IllegalStateException("no free inbox number for " + draft.personId() + " after " + MAX_ATTEMPTS);
	}

	@Override
	public boolean exists(String id) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
	}

	@Override
	public Page page(String personId, int page, int size) {
		Query query = Query.query(Criteria.where("personId").is(personId));
		long total = this.mongo.count(query, COLLECTION);
		List<Notification> items = this.mongo
			.find(query.with(Sort.by(Sort.Direction.DESC, "sequence")).skip((long) page * size).limit(size),
					Document.class, COLLECTION)
			.stream()
			.map(MongoInbox::fromDocument)
			.toList();
		return new Page(items, page, size, total);
	}

	@Override
	public long unread(String personId) {
		return this.mongo.count(Query.query(Criteria.where("personId").is(personId).and("readAt").is(null)), COLLECTION);
	}

	@Override
	public boolean markRead(String personId, String id, Instant at) {
		// by id alone (an index lookup), then checked: another person's notification is not found
		Document document = this.mongo.findById(id, Document.class, COLLECTION);
		if (document == null || !personId.equals(document.getString("personId"))) {
			return false;
		}
		if (document.get("readAt") == null) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("readAt", Date.from(at)),
					COLLECTION);
		}
		return true;
	}

	@Override
	public long markAllRead(String personId, Instant at) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("personId").is(personId).and("readAt").is(null)),
					new Update().set("readAt", Date.from(at)), COLLECTION)
			.getModifiedCount();
	}

	@Override
	public List<Notification> after(String personId, long afterSequence, int limit) {
		List<Notification> found = new ArrayList<>();
		long next = afterSequence + 1;
		while (found.size() < limit) {
			Document document = this.mongo.findOne(
					Query.query(Criteria.where("personId").is(personId).and("sequence").is(next)), Document.class,
					COLLECTION);
			if (document == null) {
				break;
			}
			found.add(fromDocument(document));
			next++;
		}
		if (found.size() < limit && storedLast(personId) >= next) {
			// number `next` was stored and is gone (purged): look further by range, which scans
			found.addAll(range(personId, next - 1, limit - found.size()));
		}
		return found;
	}

	private List<Notification> range(String personId, long afterSequence, int limit) {
		return this.mongo
			.find(Query.query(Criteria.where("personId").is(personId).and("sequence").gt(afterSequence))
				.with(Sort.by(Sort.Direction.ASC, "sequence"))
				.limit(limit), Document.class, COLLECTION)
			.stream()
			.map(MongoInbox::fromDocument)
			.toList();
	}

	@Override
	public long purgeBefore(Instant before) {
		return this.mongo.remove(Query.query(Criteria.where("createdAt").lt(Date.from(before))), COLLECTION)
			.getDeletedCount();
	}

	/** The person's last stored number; the first time, taken from their notifications (stored before counters). */
	private long last(String personId) {
		Document counter = this.mongo.findById(personId, Document.class, COUNTERS);
		if (counter != null) {
			return ((Number) counter.get("last")).longValue();
		}
		long highest = highest(personId);
		advance(personId, highest);
		return highest;
	}

	/** @return the counter as stored, 0 without one */
	private long storedLast(String personId) {
		Document counter = this.mongo.findById(personId, Document.class, COUNTERS);
		return (counter != null) ? ((Number) counter.get("last")).longValue() : 0L;
	}

	/** Moves the person's counter up to a number known to be stored; never down. */
	private void advance(String personId, long sequence) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(personId)), new Update().max("last", sequence), COUNTERS);
	}

	private long highest(String personId) {
		Document last = this.mongo.findOne(Query.query(Criteria.where("personId").is(personId))
			.with(Sort.by(Sort.Direction.DESC, "sequence"))
			.limit(1), Document.class, COLLECTION);
		return (last != null) ? ((Number) last.get("sequence")).longValue() : 0L;
	}

	private static Document toDocument(Notification notification) {
		return new Document("_id", notification.id()).append("personId", notification.personId())
			.append("sequence", notification.sequence())
			.append("kind", notification.kind())
			.append("category", notification.category().name())
			.append("title", notification.title())
			.append("body", notification.body())
			.append("link", notification.link())
			.append("listingId", notification.listingId())
			.append("conversationId", notification.conversationId())
			.append("createdAt", Date.from(notification.createdAt()))
			.append("readAt", (notification.readAt() != null) ? Date.from(notification.readAt()) : null);
	}

	private static Notification fromDocument(Document document) {
		return new Notification(document.getString("_id"), document.getString("personId"),
				((Number) document.get("sequence")).longValue(), document.getString("kind"),
				Category.valueOf(document.getString("category")), document.getString("title"), document.getString("body"),
				document.getString("link"), document.getString("listingId"), document.getString("conversationId"),
				document.getDate("createdAt").toInstant(), instant(document.getDate("readAt")));
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
