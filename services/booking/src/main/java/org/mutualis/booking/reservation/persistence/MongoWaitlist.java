package org.mutualis.booking.reservation.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.mutualis.booking.reservation.TimeRange;
import org.mutualis.booking.reservation.Waitlist;
import org.mutualis.booking.reservation.WaitlistEntry;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Waiting-list entries in the {@value #COLLECTION} collection, one document each. */
@Repository
class MongoWaitlist implements Waitlist {

	static final String COLLECTION = "waitlist";

	private final MongoTemplate mongo;

	MongoWaitlist(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("listingId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
				.on("joinedAt", Sort.Direction.ASC));
	}

	@Override
	public void add(WaitlistEntry entry) {
		this.mongo.insert(new Document("_id", entry.id()).append("listingId", entry.listingId())
			.append("borrowerOrganisationId", entry.borrowerOrganisationId())
			.append("requesterId", entry.requesterId())
			.append("start", Date.from(entry.range().start()))
			.append("end", Date.from(entry.range().end()))
			.append("quantity", entry.quantity())
			.append("joinedAt", Date.from(entry.joinedAt()))
			.append("status", entry.status().name())
			.append("bookingId", entry.bookingId()), COLLECTION);
	}

	@Override
	public Optional<WaitlistEntry> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).map(MongoWaitlist::read);
	}

	@Override
	public List<WaitlistEntry> waiting(String listingId, Instant now) {
		Query query = Query.query(Criteria.where("listingId")
			.is(listingId)
			.and("status")
			.is(WaitlistEntry.Status.WAITING.name())
			.and("start")
			.gt(Date.from(now))).with(Sort.by("joinedAt")).limit(50);
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(MongoWaitlist::read).toList();
	}

	@Override
	public List<WaitlistEntry> ofOrganisation(String organisationId) {
		Query query = Query.query(Criteria.where("borrowerOrganisationId").is(organisationId))
			.with(Sort.by(Sort.Direction.DESC, "joinedAt"))
			.limit(200);
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(MongoWaitlist::read).toList();
	}

	@Override
	public boolean markOffered(String id, String bookingId) {
		return this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(id).and("status").is(WaitlistEntry.Status.WAITING.name())),
				new Update().set("status", WaitlistEntry.Status.OFFERED.name()).set("bookingId", bookingId), COLLECTION)
			.getMatchedCount() > 0;
	}

	@Override
	public boolean reopen(String bookingId) {
		return this.mongo.updateFirst(
				Query.query(Criteria.where("bookingId").is(bookingId).and("status").is(WaitlistEntry.Status.OFFERED.name())),
				new Update().set("status", WaitlistEntry.Status.WAITING.name()).unset("bookingId"), COLLECTION)
			.getMatchedCount() > 0;
	}

	@Override
	public boolean withdraw(String id) {
		return this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(id).and("status").is(WaitlistEntry.Status.WAITING.name())),
				new Update().set("status", WaitlistEntry.Status.WITHDRAWN.name()), COLLECTION)
			.getMatchedCount() > 0;
	}

	private static WaitlistEntry read(Document d) {
		return new WaitlistEntry(d.getString("_id"), d.getString("listingId"), d.getString("borrowerOrganisationId"),
				d.getString("requesterId"), new TimeRange(d.getDate("start").toInstant(), d.getDate("end").toInstant()),
				d.getInteger("quantity"), d.getDate("joinedAt").toInstant(),
				WaitlistEntry.Status.valueOf(d.getString("status")), d.getString("bookingId"));
	}

}
