package org.mutualis.booking.calendar.persistence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.mutualis.booking.calendar.CalendarEntries;
import org.mutualis.booking.calendar.CalendarEntry;
import org.mutualis.booking.calendar.EntryStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps the calendar read model in {@code calendar_entries}, one document per booking ({@code _id} = booking id). */
@Repository
class MongoCalendarEntries implements CalendarEntries {

	static final String COLLECTION = "calendar_entries";

	/** How many facts changed the entry: the ICS {@code SEQUENCE}, and the version its writes are conditioned on. */
	static final String CHANGES = "changes";

	private final MongoTemplate mongo;

	MongoCalendarEntries(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("_id", Sort.Direction.ASC).on(CHANGES, Sort.Direction.ASC).unique().named("id_changes"));
	}

	/**
	 * Records a fact if no later one is recorded: a read by {@code _id}, then an insert, or an update conditioned on
	 * the number of changes read (a compare-and-set: a concurrent write moves it on, and this one reads again). The
	 * filter names exactly the fields of the unique index {@code {_id, changes}}, which the embedded store needs in
	 * order to use an index rather than scan every entry.
	 */
	@Override
	public boolean record(CalendarEntry entry) {
		while (true) {
			Query byId = Query.query(Criteria.where("_id").is(entry.bookingId()));
			byId.fields().include("changedAt").include(CHANGES);
			Document current = this.mongo.findOne(byId, Document.class, COLLECTION);
			if (current == null) {
				try {
					this.mongo.insert(fields(entry).append("_id", entry.bookingId()).append(CHANGES, 1), COLLECTION);
					return true;
				}
				catch (DuplicateKeyException ex) {
					continue;
				}
			}
			if (current.getDate("changedAt").toInstant().isAfter(entry.changedAt())) {
				return false;
			}
			Update update = new Update();
			fields(entry).forEach(update::set);
			update.inc(CHANGES, 1);
			Query unchanged = Query.query(Criteria.where("_id").is(entry.bookingId()).and(CHANGES).is(current.get(CHANGES)));
			if (this.mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() > 0) {
				return true;
			}
		}
	}

	@Override
	public int recordAll(List<CalendarEntry> entries) {
		Map<String, List<CalendarEntry>> byBooking = new LinkedHashMap<>();
		entries.forEach((entry) -> byBooking.computeIfAbsent(entry.bookingId(), (id) -> new ArrayList<>()).add(entry));
		// _id alone with $in: one read that both stores answer from the _id index
		Map<String, Document> current = new HashMap<>();
		for (Document document : this.mongo.getCollection(COLLECTION)
			.find(Filters.in("_id", byBooking.keySet()))
			.projection(new Document("changedAt", 1).append(CHANGES, 1))) {
			current.put(document.getString("_id"), document);
		}
		int changed = 0;
		List<Document> inserts = new ArrayList<>();
		List<List<CalendarEntry>> inserted = new ArrayList<>();
		for (List<CalendarEntry> facts : byBooking.values()) {
			Document read = current.get(facts.get(0).bookingId());
			Instant latest = (read != null) ? read.getDate("changedAt").toInstant() : null;
			CalendarEntry last = null;
			int applied = 0;
			for (CalendarEntry fact : facts) {
				if (latest == null || !latest.isAfter(fact.changedAt())) {
					last = fact;
					latest = fact.changedAt();
					applied++;
				}
			}
			if (last == null) {
				continue;
			}
			if (read == null) {
				inserts.add(fields(last).append("_id", last.bookingId()).append(CHANGES, applied));
				inserted.add(facts);
				changed += applied;
				continue;
			}
			Update update = new Update();
			fields(last).forEach(update::set);
			update.inc(CHANGES, applied);
			Query unchanged = Query.query(Criteria.where("_id").is(last.bookingId()).and(CHANGES).is(read.get(CHANGES)));
			if (this.mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() > 0) {
				changed += applied;
			}
			else {
				// written meanwhile (another consumer during a rebalance): one fact at a time, as record does
				changed += recordEach(facts);
			}
		}
		changed += insertAll(inserts, inserted);
		return changed;
	}

	/** Inserts new entries in one write; one written meanwhile by someone else takes its facts one at a time. */
	private int insertAll(List<Document> inserts, List<List<CalendarEntry>> facts) {
		if (inserts.isEmpty()) {
			return 0;
		}
		try {
			this.mongo.getCollection(COLLECTION).insertMany(inserts, new InsertManyOptions().ordered(false));
			return 0;
		}
		catch (MongoBulkWriteException ex) {
			int changed = 0;
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				List<CalendarEntry> refused = facts.get(error.getIndex());
				// counted as changed before the insert; now counted by what record does
				changed -= inserts.get(error.getIndex()).getInteger(CHANGES);
				changed += recordEach(refused);
			}
			return changed;
		}
	}

	private int recordEach(List<CalendarEntry> facts) {
		int changed = 0;
		for (CalendarEntry fact : facts) {
			if (record(fact)) {
				changed++;
			}
		}
		return changed;
	}

	private static Document fields(CalendarEntry entry) {
		return new Document("listingId", entry.listingId()).append("titleFr", entry.titleFr())
			.append("titleEn", entry.titleEn())
			.append("ownerOrganisationId", entry.ownerOrganisationId())
			.append("ownerOrganisationName", entry.ownerOrganisationName())
			.append("borrowerOrganisationId", entry.borrowerOrganisationId())
			.append("borrowerOrganisationName", entry.borrowerOrganisationName())
			.append("quantity", entry.quantity())
			.append("start", Date.from(entry.start()))
			.append("end", Date.from(entry.end()))
			.append("timeZone", entry.timeZone().getId())
			.append("status", entry.status().name())
			.append("changedAt", Date.from(entry.changedAt()));
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
