package org.mutualis.booking.reservation.persistence;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.reservation.Hold;
import org.mutualis.booking.reservation.HoldOutcome;
import org.mutualis.booking.reservation.ListingOccupancy;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.Slots;
import org.mutualis.booking.reservation.TimeRange;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The occupancy of each listing is one document of the {@value #COLLECTION} collection:
 * {@code {_id: listingId, v: version, s: {<slot>: units used}, holds: [{id, kind, from, to, q, at, quotaKey, reason}]}}.
 * Every write is a compare-and-set on the document's version: it reads the counters of the range's five-minute slots
 * (buffers included) and the holds, decides, and writes with a single {@code updateOne} whose filter is
 * {@code {_id, v}} (the version it read) and whose update increments those slots, pushes or pulls the hold and moves
 * the version on. MongoDB applies a single-document update atomically, so of two writers racing for the last units
 * one matches and the other, finding the version moved, reads again and sees the units taken: no double booking, on
 * the embedded store and on a replica set alike, without transactions.
 * <p>
 * Why {@code {_id, v}} and not a filter naming each slot: the embedded store (mongo-java-server) uses an index only
 * when a filter's fields are exactly the index's fields, so a filter with the slots beside {@code _id} made it scan
 * every listing's document at each write; the unique index {@code {_id, v}} serves this filter on every store.
 */
@Repository
class MongoOccupancy implements Occupancy {

	static final String COLLECTION = "occupancy";

	/** The document's version, moved on by every write. */
	static final String VERSION = "v";

	/** Above this many slots, a read takes the whole counter map rather than naming each slot. */
	private static final long MAX_PROJECTED_SLOTS = 2000;

	private final MongoTemplate mongo;

	MongoOccupancy(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("_id", Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC).unique().named("id_version"));
	}

	@Override
	public HoldOutcome hold(String listingId, Hold hold, int capacity) {
		int limit = capacity - hold.quantity();
		if (limit < 0) {
			return HoldOutcome.FULL;
		}
		while (true) {
			Document current = current(listingId, hold.id(), hold.occupied());
			if (current == null) {
				createEmpty(listingId);
				continue;
			}
			if (holdOf(current, hold.id()).isPresent()) {
				return HoldOutcome.ALREADY_HELD;
			}
			Update update = new Update();
			for (long slot = Slots.first(hold.occupied()); slot < Slots.end(hold.occupied()); slot++) {
				if (used(current, slot) > limit) {
					return HoldOutcome.FULL;
				}
				update.inc(slotField(slot), hold.quantity());
			}
			update.push("holds", holdDocument(hold));
			if (write(current, update)) {
				return HoldOutcome.HELD;
			}
			// another write came first: decide again on what it left
		}
	}

	@Override
	public HoldOutcome move(String listingId, String holdId, TimeRange occupied, int capacity, Instant movedAt) {
		while (true) {
			Document current = current(listingId, holdId, occupied);
			Optional<Document> found = (current != null) ? holdOf(current, holdId) : Optional.empty();
			if (found.isEmpty()) {
				return HoldOutcome.FULL;
			}
			Document old = found.get();
			TimeRange oldRange = new TimeRange(old.getDate("from").toInstant(), old.getDate("to").toInstant());
			int quantity = old.getInteger("q");
			Update update = new Update();
			for (long slot = Slots.first(occupied); slot < Slots.end(occupied); slot++) {
				if (slot < Slots.first(oldRange) || slot >= Slots.end(oldRange)) {
					if (used(current, slot) > capacity - quantity) {
						return HoldOutcome.FULL;
					}
					update.inc(slotField(slot), quantity);
				}
			}
			for (long slot = Slots.first(oldRange); slot < Slots.end(oldRange); slot++) {
				if (slot < Slots.first(occupied) || slot >= Slots.end(occupied)) {
					update.inc(slotField(slot), -quantity);
				}
			}
			update.set("holds.$[h].from", Date.from(occupied.start()))
				.set("holds.$[h].to", Date.from(occupied.end()))
				.set("holds.$[h].at", Date.from(movedAt))
				.filterArray(Criteria.where("h.id").is(holdId));
			if (write(current, update)) {
				return HoldOutcome.HELD;
			}
		}
	}

	@Override
	public boolean release(String listingId, String holdId) {
		while (true) {
			Document current = current(listingId, holdId, null);
			Optional<Document> found = (current != null) ? holdOf(current, holdId) : Optional.empty();
			if (found.isEmpty()) {
				return false;
			}
			Document hold = found.get();
			TimeRange range = new TimeRange(hold.getDate("from").toInstant(), hold.getDate("to").toInstant());
			Update update = new Update().pull("holds", new Document("id", holdId));
			for (long slot = Slots.first(range); slot < Slots.end(range); slot++) {
				update.inc(slotField(slot), -hold.getInteger("q"));
			}
			if (write(current, update)) {
				return true;
			}
		}
	}

	@Override
	public ListingOccupancy read(String listingId, TimeRange period) {
		Map<String, ListingOccupancy> read = readAll(List.of(listingId), period, true);
		return read.getOrDefault(listingId, ListingOccupancy.empty(listingId));
	}

	@Override
	public Map<String, ListingOccupancy> readAll(Collection<String> listingIds, TimeRange period) {
		return readAll(listingIds, period, false);
	}

	private Map<String, ListingOccupancy> readAll(Collection<String> listingIds, TimeRange period, boolean withHolds) {
		long first = Slots.first(period);
		long end = Slots.end(period);
		Document projection = new Document();
		if (end - first <= MAX_PROJECTED_SLOTS) {
			for (long slot = first; slot < end; slot++) {
				projection.append(slotField(slot), 1);
			}
		}
		else {
			projection.append("s", 1);
		}
		if (withHolds) {
			projection.append("holds", 1);
		}
		// the driver's collection directly: the documents as decoded, without the template's mapping copy
		Map<String, ListingOccupancy> result = new HashMap<>();
		for (Document document : this.mongo.getCollection(COLLECTION)
			.find(Filters.in("_id", listingIds))
			.projection(projection)) {
			String id = document.getString("_id");
			Map<Long, Integer> used = Map.of();
			if (document.get("s") instanceof Document slots && !slots.isEmpty()) {
				Map<Long, Integer> counted = new HashMap<>();
				slots.forEach((key, value) -> {
					long slot = Long.parseLong(key);
					if (slot >= first && slot < end && value instanceof Number number && number.intValue() != 0) {
						counted.put(slot, number.intValue());
					}
				});
				used = counted;
			}
			List<Hold> holds = new ArrayList<>();
			if (withHolds) {
				for (Document hold : document.getList("holds", Document.class, List.of())) {
					Hold read = hold(hold);
					if (read.occupied().overlaps(period)) {
						holds.add(read);
					}
				}
			}
			result.put(id, new ListingOccupancy(id, used, holds));
		}
		return result;
	}

	@Override
	public int prune(Instant before) {
		long beforeSlot = Math.floorDiv(before.getEpochSecond(), Slots.SECONDS);
		Query query = Query.query(Criteria.where("holds").elemMatch(Criteria.where("to").lt(Date.from(before))));
		int pruned = 0;
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			long cutoff = beforeSlot;
			for (Document hold : document.getList("holds", Document.class, List.of())) {
				if (!hold.getDate("to").toInstant().isBefore(before)) {
					// a hold still kept: its slots (even the past ones) stay, so that its release balances
					cutoff = Math.min(cutoff, Math.floorDiv(hold.getDate("from").toInstant().getEpochSecond(), Slots.SECONDS));
				}
			}
			Update update = new Update().pull("holds", new Document("to", new Document("$lt", Date.from(before))));
			Document slots = document.get("s", Document.class);
			if (slots != null) {
				for (String key : slots.keySet()) {
					if (Long.parseLong(key) < cutoff) {
						update.unset(slotField(Long.parseLong(key)));
					}
				}
			}
			// a write since this read is left alone: the next run prunes it
			if (write(document, update)) {
				pruned++;
			}
		}
		return pruned;
	}

	@Override
	public List<Map.Entry<String, Hold>> bookingHoldsTakenBefore(Instant before) {
		Query query = Query.query(Criteria.where("holds")
			.elemMatch(Criteria.where("kind").is(Hold.Kind.BOOKING.name()).and("at").lt(Date.from(before))));
		query.fields().include("holds");
		List<Map.Entry<String, Hold>> found = new ArrayList<>();
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			for (Document hold : document.getList("holds", Document.class, List.of())) {
				Hold read = hold(hold);
				if (read.kind() == Hold.Kind.BOOKING && read.heldAt().isBefore(before)) {
					found.add(new AbstractMap.SimpleImmutableEntry<>(document.getString("_id"), read));
				}
			}
		}
		return found;
	}

	/**
	 * Reads what a write needs of a listing's document: its version, the hold with the given id if there is one, and
	 * the counters of a range's slots. A read by {@code _id} alone, which every store answers from its index; the
	 * other holds and slots are left out because the embedded store's cost per operation grows with what it encodes.
	 */
	private @Nullable Document current(String listingId, String holdId, @Nullable TimeRange range) {
		Query query = Query.query(Criteria.where("_id").is(listingId));
		query.fields().include(VERSION).elemMatch("holds", Criteria.where("id").is(holdId));
		if (range != null) {
			if (Slots.end(range) - Slots.first(range) > MAX_PROJECTED_SLOTS) {
				query.fields().include("s");
			}
			else {
				for (long slot = Slots.first(range); slot < Slots.end(range); slot++) {
					query.fields().include(slotField(slot));
				}
			}
		}
		return this.mongo.findOne(query, Document.class, COLLECTION);
	}

	/** Applies an update if the document is still at the version read, and moves the version on. */
	private boolean write(Document read, Update update) {
		Object version = read.get(VERSION);
		long next = (version instanceof Number number) ? number.longValue() + 1 : 1;
		Query unchanged = Query.query(Criteria.where("_id").is(read.get("_id")).and(VERSION).is(version));
		return this.mongo.updateFirst(unchanged, update.set(VERSION, next), COLLECTION).getMatchedCount() > 0;
	}

	private static int used(Document read, long slot) {
		return (read.get("s") instanceof Document slots && slots.get(Long.toString(slot)) instanceof Number used)
				? used.intValue() : 0;
	}

	private static Optional<Document> holdOf(Document read, String holdId) {
		return read.getList("holds", Document.class, List.of())
			.stream()
			.filter((hold) -> holdId.equals(hold.getString("id")))
			.findFirst();
	}

	private void createEmpty(String listingId) {
		try {
			this.mongo.insert(new Document("_id", listingId).append(VERSION, 0L)
				.append("s", new Document())
				.append("holds", List.of()), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// another writer created it first
		}
	}

	private static String slotField(long slot) {
		return "s." + slot;
	}

	private static Document holdDocument(Hold hold) {
		return new Document("id", hold.id()).append("kind", hold.kind().name())
			.append("from", Date.from(hold.occupied().start()))
			.append("to", Date.from(hold.occupied().end()))
			.append("q", hold.quantity())
			.append("at", Date.from(hold.heldAt()))
			.append("quotaKey", hold.quotaKey())
			.append("reason", hold.reason());
	}

	private static Hold hold(Document document) {
		return new Hold(document.getString("id"), Hold.Kind.valueOf(document.getString("kind")),
				new TimeRange(document.getDate("from").toInstant(), document.getDate("to").toInstant()),
				document.getInteger("q"), document.getDate("at").toInstant(), document.getString("quotaKey"),
				document.getString("reason"));
	}

}
