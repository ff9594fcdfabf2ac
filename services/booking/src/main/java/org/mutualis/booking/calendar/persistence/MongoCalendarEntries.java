package org.mutualis.booking.calendar.persistence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.mutualis.booking.calendar.CalendarEntries;
import org.mutualis.booking.calendar.CalendarEntry;
import org.mutualis.booking.calendar.EntryStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps the calendar read model in {@code calendar_entries}, one document per booking ({@code _id} = booking id). */
@Repository
class MongoCalendarEntries implements CalendarEntries {

	static final String COLLECTION = "calendar_entries";

	private final MongoTemplate mongo;

	MongoCalendarEntries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean record(CalendarEntry entry) {
		// one conditional upsert: it changes the document only if no later fact is recorded; when a later one is,
		// the filter misses, the upsert collides with the existing _id and nothing changes
		Query notLater = Query.query(Criteria.where("_id").is(entry.bookingId()).and("changedAt").lte(Date.from(entry.changedAt())));
		Update update = new Update().set("listingId", entry.listingId())
			.set("titleFr", entry.titleFr())
			.set("titleEn", entry.titleEn())
			.set("ownerOrganisationId", entry.ownerOrganisationId())
			.set("ownerOrganisationName", entry.ownerOrganisationName())
			.set("borrowerOrganisationId", entry.borrowerOrganisationId())
			.set("borrowerOrganisationName", entry.borrowerOrganisationName())
			.set("quantity", entry.quantity())
			.set("start", Date.from(entry.start()))
			.set("end", Date.from(entry.end()))
			.set("timeZone", entry.timeZone().getId())
			.set("status", entry.status().name())
			.set("changedAt", Date.from(entry.changedAt()))
			.inc("changes", 1);
		try {
			this.mongo.upsert(notLater, update, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public List<CalendarEntry> ofOrganisation(String organisationId, Instant endingAfter, int limit) {
		Criteria either = new Criteria().orOperator(Criteria.where("ownerOrganisationId").is(organisationId),
				Criteria.where("borrowerOrganisationId").is(organisationId));
		return find(new Query(new Criteria().andOperator(either, Criteria.where("end").gt(Date.from(endingAfter)))), limit);
	}

	@Override
	public List<CalendarEntry> ofListing(String listingId, String ownerOrganisationId, Instant endingAfter, int limit) {
		return find(Query.query(Criteria.where("listingId").is(listingId)
			.and("ownerOrganisationId").is(ownerOrganisationId)
			.and("end").gt(Date.from(endingAfter))), limit);
	}

	@Override
	public Optional<String> ownerOfListing(String listingId) {
		Query query = Query.query(Criteria.where("listingId").is(listingId)).with(Sort.by(Sort.Direction.DESC, "changedAt")).limit(1);
		Document found = this.mongo.findOne(query, Document.class, COLLECTION);
		return Optional.ofNullable(found).map((document) -> document.getString("ownerOrganisationId"));
	}

	private List<CalendarEntry> find(Query query, int limit) {
		query.with(Sort.by(Sort.Direction.ASC, "start", "_id")).limit(limit);
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(MongoCalendarEntries::entry).toList();
	}

	private static CalendarEntry entry(Document document) {
		return new CalendarEntry(document.getString("_id"), document.getString("listingId"), document.getString("titleFr"),
				document.getString("titleEn"), document.getString("ownerOrganisationId"),
				document.getString("ownerOrganisationName"), document.getString("borrowerOrganisationId"),
				document.getString("borrowerOrganisationName"), document.getInteger("quantity", 1),
				document.getDate("start").toInstant(), document.getDate("end").toInstant(),
				ZoneId.of(document.getString("timeZone")), EntryStatus.valueOf(document.getString("status")),
				document.getDate("changedAt").toInstant(), document.getInteger("changes", 1) - 1);
	}

}
