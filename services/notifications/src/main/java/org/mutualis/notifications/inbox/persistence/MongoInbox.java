package org.mutualis.notifications.inbox.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.preferences.Category;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
 * <p>
 * The same counter document keeps the person's unread count ({@code unread}): raised with the counter when an unread
 * notification is stored, lowered by exactly the notifications a read or a purge changed (each change is one
 * conditional write whose result says whether it changed anything), so that the count is read by id too. A counter
 * written before the count existed gets it by one count of the person's notifications, the first time it is read.
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
			Notification numbered = numbered(draft, last(draft.personId()) + 1);
			try {
				this.mongo.insert(toDocument(numbered), COLLECTION);
				advance(draft.personId(), numbered.sequence(), unread(List.of(numbered)));
				return Optional.of(numbered);
			}
			catch (DuplicateKeyException ex) {
				if (exists(draft.id())) {
					// the same notification: a redelivery raced us
					return Optional.empty();
				}
				// another writer holds this number: it exists, so the counter may move to it (its writer may
				// have stopped before doing so) and we take the next one
				advance(draft.personId(), numbered.sequence(), 0);
			}
		}
		throw new IllegalStateException("no free inbox number for " + draft.personId() + " after " + MAX_ATTEMPTS);
	}

	@Override
	public List<Notification> addAll(List<Notification> drafts) {
		Set<String> existing = existing(drafts.stream().map(Notification::id).toList());
		Map<String, List<Notification>> byPerson = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>(existing);
		for (Notification draft : drafts) {
			if (seen.add(draft.id())) {
				byPerson.computeIfAbsent(draft.personId(), (person) -> new ArrayList<>()).add(draft);
			}
		}
		List<Notification> stored = new ArrayList<>();
		byPerson.forEach((person, own) -> stored.addAll(addAllOf(person, own)));
		return stored;
	}

	/**
	 * One person's new notifications: numbered after the counter and inserted in one ordered write, which stops at
	 * the first number (or id) taken; the counter moves once to the last stored, and the rest go one by one.
	 */
	private List<Notification> addAllOf(String personId, List<Notification> drafts) {
		long last = last(personId);
		List<Notification> numbered = new ArrayList<>(drafts.size());
		for (Notification draft : drafts) {
			numbered.add(numbered(draft, last + numbered.size() + 1));
		}
		int inserted = numbered.size();
		try {
			this.mongo.getCollection(COLLECTION)
				.insertMany(numbered.stream().map(MongoInbox::toDocument).toList(), new InsertManyOptions().ordered(true));
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors().isEmpty() || ex.getWriteErrors().stream()
				.anyMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
				throw ex;
			}
			inserted = ex.getWriteErrors().get(0).getIndex();
		}
		List<Notification> stored = new ArrayList<>(numbered.subList(0, inserted));
		if (inserted > 0) {
			advance(personId, last + inserted, unread(stored));
		}
		for (Notification draft : drafts.subList(inserted, drafts.size())) {
			// a number was taken by another writer, or this id by a redelivery: the careful way for the rest
			add(draft).ifPresent(stored::add);
		}
		return stored;
	}

	@Override
	public Set<String> existing(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("_id");
		Set<String> found = new HashSet<>();
		this.mongo.find(query, Document.class, COLLECTION).forEach((document) -> found.add(document.getString("_id")));
		return found;
	}

	@Override
	public boolean exists(String id) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
	}

	@Override
	public Page page(String personId, int page, int size) {
		Query query = Query.query(Criteria.where("personId").is(personId));
		long total = this.mongo.count(query, COLLECTION);
		// in long: page × size must not wrap round; a page past the last is not read at all (the driver's skip is an int)
		long skip = (long) page * size;
		if (skip >= total) {
			return new Page(List.of(), page, size, total);
		}
		List<Notification> items = this.mongo
			.find(query.with(Sort.by(Sort.Direction.DESC, "sequence")).skip(skip).limit(size), Document.class,
					COLLECTION)
			.stream()
			.map(MongoInbox::fromDocument)
			.toList();
		return new Page(items, page, size, total);
	}

	@Override
	public long unread(String personId) {
		Document counter = counter(personId);
		// a count lowered by a read racing the raise of its notification's write may dip below zero for a moment
		return Math.max(0L, ((Number) counter.get("unread")).longValue());
	}

	@Override
	public boolean markRead(String personId, String id, Instant at) {
		// by id alone (an index lookup), then checked: another person's notification is not found
		Document document = this.mongo.findById(id, Document.class, COLLECTION);
		if (document == null || !personId.equals(document.getString("personId"))) {
			return false;
		}
		if (document.get("readAt") == null) {
			// a counter without its count gets it before the change, lest the lowering below create the field
			counter(personId);
			Document before = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
					new Update().set("readAt", Date.from(at)), FindAndModifyOptions.options().returnNew(false),
					Document.class, COLLECTION);
			if (before != null && before.get("readAt") == null) {
				lowerUnread(personId, 1);
			}
		}
		return true;
	}

	@Override
	public long markAllRead(String personId, Instant at) {
		counter(personId);
		long marked = this.mongo
			.updateMulti(Query.query(Criteria.where("personId").is(personId).and("readAt").is(null)),
					new Update().set("readAt", Date.from(at)), COLLECTION)
			.getModifiedCount();
		lowerUnread(personId, marked);
		return marked;
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
		Date limit = Date.from(before);
		long purged = 0;
		// unread ones one by one, each removal saying whether it was still unread, so that the counts stay exact
		Query unread = Query.query(Criteria.where("createdAt").lt(limit).and("readAt").is(null));
		unread.fields().include("_id");
		unread.fields().include("personId");
		for (Document candidate : this.mongo.find(unread, Document.class, COLLECTION)) {
			counter(candidate.getString("personId"));
			Document removed = this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(candidate.get("_id"))),
					Document.class, COLLECTION);
			if (removed != null) {
				purged++;
				if (removed.get("readAt") == null) {
					lowerUnread(removed.getString("personId"), 1);
				}
			}
		}
		return purged + this.mongo.remove(Query.query(Criteria.where("createdAt").lt(limit)), COLLECTION)
			.getDeletedCount();
	}

	@Override
	public long newest(String personId) {
		return last(personId);
	}

	/** The person's last stored number; the first time, taken from their notifications (stored before counters). */
	private long last(String personId) {
		return ((Number) counter(personId).get("last")).longValue();
	}

	/**
	 * The person's counter document with its {@code last} and {@code unread}; a missing one (or field) is made from
	 * the person's notifications, once.
	 */
	private Document counter(String personId) {
		Document counter = this.mongo.findById(personId, Document.class, COUNTERS);
		if (counter != null && counter.get("last") != null && counter.get("unread") != null) {
			return counter;
		}
		if (counter == null || counter.get("last") == null) {
			advance(personId, highest(personId), 0);
		}
		if (counter == null || counter.get("unread") == null) {
			long unread = this.mongo
				.count(Query.query(Criteria.where("personId").is(personId).and("readAt").is(null)), COLLECTION);
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(personId).and("unread").exists(false)),
					new Update().set("unread", unread), COUNTERS);
		}
		return this.mongo.findById(personId, Document.class, COUNTERS);
	}

	/** @return the counter as stored, 0 without one */
	private long storedLast(String personId) {
		Document counter = this.mongo.findById(personId, Document.class, COUNTERS);
		return (counter != null && counter.get("last") != null) ? ((Number) counter.get("last")).longValue() : 0L;
	}

	/** Moves the person's counter up to a number known to be stored, never down, and raises the unread count. */
	private void advance(String personId, long sequence, long unread) {
		Update update = new Update().max("last", sequence);
		if (unread > 0) {
			update.inc("unread", unread);
		}
		this.mongo.upsert(Query.query(Criteria.where("_id").is(personId)), update, COUNTERS);
	}

	private void lowerUnread(String personId, long by) {
		if (by > 0) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(personId)), new Update().inc("unread", -by),
					COUNTERS);
		}
	}

	private static long unread(List<Notification> notifications) {
		return notifications.stream().filter((notification) -> notification.readAt() == null).count();
	}

	private static Notification numbered(Notification draft, long sequence) {
		return new Notification(draft.id(), draft.personId(), sequence, draft.kind(), draft.category(), draft.title(),
				draft.body(), draft.link(), draft.listingId(), draft.conversationId(), draft.createdAt(), draft.readAt());
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
