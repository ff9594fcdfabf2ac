package org.mutualis.booking.reservation.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.mutualis.booking.reservation.MonthlyQuotas;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Monthly quota counters in the {@value #COLLECTION} collection, {@code {_id: key, count, places: [{id, at}]}}. A
 * place is taken by an upsert whose filter requires {@code count < quota} and no place with the booking's id: on a
 * full counter the filter matches nothing, the upsert tries to insert the existing {@code _id} and fails on the
 * unique key, so the place is refused atomically.
 */
@Repository
class MongoMonthlyQuotas implements MonthlyQuotas {

	static final String COLLECTION = "quotas";

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoMonthlyQuotas(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public boolean take(String key, String bookingId, int quota) {
		Query query = Query.query(Criteria.where("_id").is(key).and("count").lt(quota).and("places.id").ne(bookingId));
		Update update = new Update().inc("count", 1)
			.push("places", new Document("id", bookingId).append("at", Date.from(this.clock.instant())));
		try {
			this.mongo.upsert(query, update, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return this.mongo.exists(Query.query(Criteria.where("_id").is(key).and("places.id").is(bookingId)), COLLECTION);
		}
	}

	@Override
	public void release(String key, String bookingId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("places.id").is(bookingId)),
				new Update().inc("count", -1).pull("places", new Document("id", bookingId)), COLLECTION);
	}

	@Override
	public Map<String, List<String>> placesTakenBefore(Instant before) {
		Map<String, List<String>> places = new HashMap<>();
		Query query = Query.query(Criteria.where("places").elemMatch(Criteria.where("at").lt(Date.from(before))));
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			places.put(document.getString("_id"), document.getList("places", Document.class, List.of())
				.stream()
				.filter((p) -> p.getDate("at").toInstant().isBefore(before))
				.map((p) -> p.getString("id"))
				.toList());
		}
		return places;
	}

}
