package org.mutualis.booking.reservation.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingState;
import org.mutualis.booking.reservation.BookingStatus;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.persistence.AggregateStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Stores bookings in the {@value #COLLECTION} collection through the platform's {@link AggregateStore}: state,
 * version and the events of each transition in one conditional write. This document carries the outbox of booking
 * events; the occupancy and quota documents carry none.
 */
@Repository
class MongoBookings implements Bookings {

	static final String COLLECTION = "bookings";

	private final AggregateStore store;

	private final MongoTemplate mongo;

	MongoBookings(AggregateStore store, MongoTemplate mongo) {
		this.store = store;
		this.mongo = mongo;
		var indexes = mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index().on("terms.borrowerOrganisationId", Sort.Direction.ASC).on("end", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("terms.ownerOrganisationId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("terms.listingId", Sort.Direction.ASC).on("start", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("end", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("seriesId", Sort.Direction.ASC).sparse());
	}

	@Override
	public Optional<Booking> find(String id) {
		return this.store.find(COLLECTION, id, BookingState.class).map((s) -> Booking.restore(s.document(), s.version()));
	}

	@Override
	public void save(Booking booking) {
		this.store.save(COLLECTION, booking, booking.state(), Topics.BOOKINGS, BookingEventTypes::typeOf);
	}

	@Override
	public Map<String, BookingStatus> statuses(Collection<String> ids) {
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("status");
		Map<String, BookingStatus> statuses = new HashMap<>();
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			statuses.put(document.getString("_id"), BookingStatus.valueOf(document.getString("status")));
		}
		return statuses;
	}

	@Override
	public List<Booking> ofSeries(String seriesId) {
		Query query = Query.query(Criteria.where("seriesId").is(seriesId)).with(Sort.by("start"));
		return this.store.find(COLLECTION, query, BookingState.class)
			.stream()
			.map((s) -> Booking.restore(s.document(), s.version()))
			.toList();
	}

	@Override
	public BookingPage list(BookingQuery selection, int page, int size) {
		Criteria criteria = new Criteria();
		if (selection.borrowerOrganisationId() != null) {
			criteria.and("terms.borrowerOrganisationId").is(selection.borrowerOrganisationId());
		}
		if (selection.ownerOrganisationId() != null) {
			criteria.and("terms.ownerOrganisationId").is(selection.ownerOrganisationId());
		}
		if (selection.listingId() != null) {
			criteria.and("terms.listingId").is(selection.listingId());
		}
		if (!selection.statuses().isEmpty()) {
			criteria.and("status").in(selection.statuses().stream().map(Enum::name).toList());
		}
		if (selection.endsAfter() != null && selection.endsBefore() != null) {
			criteria.and("end").gt(selection.endsAfter()).lte(selection.endsBefore());
		}
		else if (selection.endsAfter() != null) {
			criteria.and("end").gt(selection.endsAfter());
		}
		else if (selection.endsBefore() != null) {
			criteria.and("end").lte(selection.endsBefore());
		}
		long total = this.mongo.count(Query.query(criteria), COLLECTION);
		Query query = Query.query(criteria)
			.with(Sort.by(selection.newestFirst() ? Sort.Direction.DESC : Sort.Direction.ASC, "start").and(Sort.by("_id")))
			.skip((long) page * size)
			.limit(size);
		List<Booking> items = this.store.find(COLLECTION, query, BookingState.class)
			.stream()
			.map((s) -> Booking.restore(s.document(), s.version()))
			.toList();
		return new BookingPage(items, page, size, total);
	}

	@Override
	public List<String> due(Due due, Instant now, Duration margin, int limit) {
		Criteria criteria = switch (due) {
			case EXPIRY -> Criteria.where("status").is(BookingStatus.REQUESTED.name()).and("expiresAt").lte(now);
			case COMPLETION -> Criteria.where("status").is(BookingStatus.CONFIRMED.name()).and("end").lte(now.minus(margin));
			case REMINDER -> Criteria.where("status")
				.is(BookingStatus.CONFIRMED.name())
				.and("start")
				.gt(now)
				.lte(now.plus(margin))
				.and("reminderSentAt")
				.is(null);
		};
		Query query = Query.query(criteria).limit(limit);
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, COLLECTION).stream().map((d) -> d.getString("_id")).toList();
	}

}
