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
import org.mutualis.booking.reservation.Hold;
import org.mutualis.booking.reservation.HoldOutcome;
import org.mutualis.booking.reservation.ListingOccupancy;
import org.mutualis.booking.reservation.Occupancy;
import org.mutualis.booking.reservation.Slots;
import org.mutualis.booking.reservation.TimeRange;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The occupancy of each listing is one document of the {@value #COLLECTION} collection:
 * {@code {_id: listingId, s: {<slot>: units used}, holds: [{id, kind, from, to, q, at, quotaKey, reason}]}}. Taking
 * units is a single {@code updateOne} whose filter requires, for every five-minute slot of the range (buffers
 * included), {@code s.<slot>} not greater than {@code capacity - quantity}, and no hold with the same id; its update
 * increments those slots and pushes the hold. MongoDB applies a single-document update atomically, so of two
 * writers racing for the last units one matches and the other does not: no double booking, on the embedded store
 * and on a replica set alike, without transactions.
 */
@Repository
class MongoOccupancy implements Occupancy {

	static final String COLLECTION = "occupancy";

	/** Above this many slots, a read takes the whole counter map rather than naming each slot. */
	private static final long MAX_PROJECTED_SLOTS = 2000;

	private final MongoTemplate mongo;

	MongoOccupancy(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public HoldOutcome hold(String listingId, Hold hold, int capacity) {
		int limit = capacity - hold.quantity();
		if (limit < 0) {
			return HoldOutcome.FULL;
		}
		Criteria criteria = Criteria.where("_id").is(listingId).and("holds.id").ne(hold.id());
		Update update = new Update();
		for (long slot = Slots.first(hold.occupied()); slot < Slots.end(hold.occupied()); slot++) {
			criteria.and(slotField(slot)).not().gt(limit);
			update.inc(slotField(slot), hold.quantity());
		}
		update.push("holds", holdDocument(hold));
		if (this.mongo.updateFirst(Query.query(criteria), update, COLLECTION).getMatchedCount() > 0) {
			return HoldOutcome.HELD;
		}
		Document current = this.mongo.findById(listingId, Document.class, COLLECTION);
		if (current == null) {
			createEmpty(listingId);
			return (this.mongo.updateFirst(Query.query(criteria), update, COLLECTION).getMatchedCount() > 0)
					? HoldOutcome.HELD : outcomeOfFailure(listingId, hold.id());
		}
		return outcomeOfFailure(listingId, hold.id());
	}

	@Override
	public HoldOutcome move(String listingId, String holdId, TimeRange occupied, int capacity, Instant movedAt) {
		while (true) {
			Optional<Document> found = holdOf(listingId, holdId);
			if (found.isEmpty()) {
				return HoldOutcome.FULL;
			}
			Document old = found.get();
			TimeRange oldRange = new TimeRange(old.getDate("from").toInstant(), old.getDate("to").toInstant());
			int quantity = old.getInteger("q");
			Criteria criteria = Criteria.where("_id").is(listingId).and("holds").elemMatch(sameHold(old));
			Update update = new Update();
			for (long slot = Slots.first(occupied); slot < Slots.end(occupied); slot++) {
				if (slot < Slots.first(oldRange) || slot >= Slots.end(oldRange)) {
					criteria.and(slotField(slot)).not().gt(capacity - quantity);
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
			if (this.mongo.updateFirst(Query.query(criteria), update, COLLECTION).getMatchedCount() > 0) {
				return HoldOutcome.HELD;
			}
			if (sameHoldStill(listingId, old)) {
				return HoldOutcome.FULL;
			}
			// the hold changed between the read and the write: read it again
		}
	}

	@Override
	public boolean release(String listingId, String holdId) {
		while (true) {
			Optional<Document> found = holdOf(listingId, holdId);
			if (found.isEmpty()) {
				return false;
			}
			Document hold = found.get();
			TimeRange range = new TimeRange(hold.getDate("from").toInstant(), hold.getDate("to").toInstant());
			Update update = new Update().pull("holds", new Document("id", holdId));
			for (long slot = Slots.first(range); slot < Slots.end(range); slot++) {
				update.inc(slotField(slot), -hold.getInteger("q"));
			}
			Query query = Query.query(Criteria.where("_id").is(listingId).and("holds").elemMatch(sameHold(hold)));
			if (this.mongo.updateFirst(query, update, COLLECTION).getMatchedCount() > 0) {
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
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(document.getString("_id"))), update, COLLECTION);
			pruned++;
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

	private HoldOutcome outcomeOfFailure(String listingId, String holdId) {
		return holdOf(listingId, holdId).isPresent() ? HoldOutcome.ALREADY_HELD : HoldOutcome.FULL;
	}

	private Optional<Document> holdOf(String listingId, String holdId) {
		Query query = Query.query(Criteria.where("_id").is(listingId));
		query.fields().include("holds");
		Document document = this.mongo.findOne(query, Document.class, COLLECTION);
		if (document == null) {
			return Optional.empty();
		}
		return document.getList("holds", Document.class, List.of())
			.stream()
			.filter((hold) -> holdId.equals(hold.getString("id")))
			.findFirst();
	}

	private boolean sameHoldStill(String listingId, Document old) {
		return holdOf(listingId, old.getString("id")).map((now) -> now.getDate("from").equals(old.getDate("from"))
				&& now.getDate("to").equals(old.getDate("to"))).orElse(false);
	}

	private void createEmpty(String listingId) {
		try {
			this.mongo.insert(new Document("_id", listingId).append("s", new Document()).append("holds", List.of()),
					COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// another writer created it first
		}
	}

	private static Criteria sameHold(Document hold) {
		return Criteria.where("id")
			.is(hold.getString("id"))
			.and("from")
			.is(hold.getDate("from"))
			.and("to")
			.is(hold.getDate("to"));
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
