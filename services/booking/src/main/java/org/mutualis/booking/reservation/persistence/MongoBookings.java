package org.mutualis.booking.reservation.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.BookingEvent;
import org.mutualis.booking.reservation.BookingOutcome;
import org.mutualis.booking.reservation.BookingState;
import org.mutualis.booking.reservation.BookingStatus;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.TimeRange;
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
 * events; the occupancy and quota documents carry none. Each stored transition is counted in the
 * {@value BookingOutcome#METRIC} metric.
 */
@Repository
class MongoBookings implements Bookings {

	static final String COLLECTION = "bookings";

	private final AggregateStore store;

	private final MongoTemplate mongo;

	private final Map<BookingOutcome, Counter> outcomes = new EnumMap<>(BookingOutcome.class);

	MongoBookings(AggregateStore store, MongoTemplate mongo, MeterRegistry meters) {
		this.store = store;
		this.mongo = mongo;
		for (BookingOutcome outcome : BookingOutcome.values()) {
			if (outcome != BookingOutcome.CONFLICT) {
				this.outcomes.put(outcome, Counter.builder(BookingOutcome.METRIC)
					.description("Booking transitions stored, and requests refused for a taken time, by outcome")
					.tag(BookingOutcome.TAG, outcome.tag())
					.register(meters));
			}
		}
		var indexes = mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index().on("terms.borrowerOrganisationId", Sort.Direction.ASC).on("end", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("terms.ownerOrganisationId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("terms.listingId", Sort.Direction.ASC).on("start", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("end", Sort.Direction.ASC));
		indexes.createIndex(new Index().on("seriesId", Sort.Direction.ASC).sparse());
		// the {_id, version} index of the conditional save is the platform store's (AggregateStore)
	}

	@Override
	public Optional<Booking> find(String id) {
		return this.store.find(COLLECTION, id, BookingState.class).map((s) -> Booking.restore(s.document(), s.version()));
	}

	@Override
	public void save(Booking booking) {
		List<BookingEvent> events = booking.pendingEvents();
		this.store.save(COLLECTION, booking, booking.state(), Topics.BOOKINGS, BookingEventTypes::typeOf);
		for (BookingEvent event : events) {
			BookingOutcome.of(event).map(this.outcomes::get).ifPresent(Counter::increment);
		}
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
	public Map<String, HeldTime> heldTimes(Collection<String> ids) {
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields()
			.include("status")
			.include("start")
			.include("end")
			.include("terms.listingId")
			.include("terms.bufferBeforeMinutes")
			.include("terms.bufferAfterMinutes");
		Map<String, HeldTime> held = new HashMap<>();
		for (Document document : this.mongo.find(query, Document.class, COLLECTION)) {
			Document terms = document.get("terms", Document.class);
			TimeRange range = new TimeRange(document.getDate("start").toInstant(), document.getDate("end").toInstant());
			TimeRange occupied = range.widened(Duration.ofMinutes(terms.getInteger("bufferBeforeMinutes", 0)),
					Duration.ofMinutes(terms.getInteger("bufferAfterMinutes", 0)));
			held.put(document.getString("_id"), new HeldTime(BookingStatus.valueOf(document.getString("status")),
					terms.getString("listingId"), occupied));
		}
		return held;
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
		if (selection.withoutPendingOffers()) {
			criteria.and("offerPending").ne(true);
		}
		long total = this.mongo.count(Query.query(criteria), COLLECTION);
		if ((long) page * size >= total) {
			// past the last item; a skip beyond an int would also wrap round in the driver and give page 0's items
			return new BookingPage(List.of(), page, size, total);
		}
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
