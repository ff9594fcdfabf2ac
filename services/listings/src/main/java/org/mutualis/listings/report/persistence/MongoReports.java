package org.mutualis.listings.report.persistence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.ReportState;
import org.mutualis.listings.report.Reports;
import org.mutualis.platform.aggregate.StaleVersion;
import org.mutualis.platform.events.OutboxRelay;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.persistence.AggregateStore;
import org.mutualis.platform.persistence.Stored;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps reports in the {@code reports} collection through the platform's {@link AggregateStore}: state, version
 * and the report's events in one conditional single-document write, so a resolution is stored once. A
 * reporter's open report about a listing is also a document of {@code open_reports} keyed by both, and each
 * organisation's reports of a day a conditional counter in {@code report_counts}, so both limits hold under
 * simultaneous requests.
 */
@Repository
class MongoReports implements Reports {

	static final String COLLECTION = "reports";

	/** One document per open report, keyed by listing and reporter. */
	static final String OPEN = "open_reports";

	/** One counter per organisation and day. */
	static final String DAILY = "report_counts";

	private final AggregateStore store;

	private final MongoTemplate mongo;

	MongoReports(AggregateStore store, MongoTemplate mongo) {
		this.store = store;
		this.mongo = mongo;
	}

	/** Reports stored before they were aggregates have no version: they are at version 0, with no event pending. */
	@EventListener(ApplicationStartedEvent.class)
	void versionReportsStoredBefore() {
		this.mongo.updateMulti(Query.query(Criteria.where(AggregateStore.VERSION_FIELD).exists(false)),
				new Update().set(AggregateStore.VERSION_FIELD, 0L).set(OutboxRelay.OUTBOX_FIELD, List.of()), COLLECTION);
	}

	@Override
	public Admission add(Report report, int perOrganisationPerDay) {
		String openKey = openKey(report);
		try {
			// one document per reporter and listing while the report is open: its id makes a second one impossible
			this.mongo.insert(new Document("_id", openKey).append("reportId", report.id()), OPEN);
		}
		catch (DuplicateKeyException ex) {
			return Admission.ALREADY_OPEN;
		}
		if (report.reporterOrganisationId() != null) {
			String day = report.reporterOrganisationId() + "/" + LocalDate.ofInstant(report.reportedAt(), ZoneOffset.UTC);
			try {
				// a conditional counter: once the day's count reaches the cap, the upsert collides with the existing id
				this.mongo.upsert(Query.query(Criteria.where("_id").is(day).and("count").lt(perOrganisationPerDay)),
						new Update().inc("count", 1), DAILY);
			}
			catch (DuplicateKeyException ex) {
				this.mongo.remove(Query.query(Criteria.where("_id").is(openKey)), OPEN);
				return Admission.DAILY_LIMIT_REACHED;
			}
		}
		this.store.save(COLLECTION, report, report.state(), Topics.LISTINGS, ReportEventTypes::typeOf);
		return Admission.ADMITTED;
	}

	@Override
	public Optional<Report> find(String id) {
		return this.store.find(COLLECTION, id, ReportState.class).map(MongoReports::restore);
	}

	@Override
	public boolean resolve(Report resolved) {
		try {
			this.store.save(COLLECTION, resolved, resolved.state(), Topics.LISTINGS, ReportEventTypes::typeOf);
		}
		catch (StaleVersion ex) {
			return false;
		}
		this.mongo.remove(Query.query(Criteria.where("_id").is(openKey(resolved)).and("reportId").is(resolved.id())),
				OPEN);
		return true;
	}

	@Override
	public List<String> listingsWithOpenReports(int page, int size) {
		Aggregation aggregation = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("resolution").isNull()),
				Aggregation.group("listingId").min("reportedAt").as("firstReportedAt"),
				Aggregation.sort(Sort.by("firstReportedAt").and(Sort.by("_id"))), Aggregation.skip((long) page * size),
				Aggregation.limit(size));
		return this.mongo.aggregate(aggregation, COLLECTION, Document.class)
			.getMappedResults()
			.stream()
			.map((group) -> group.getString("_id"))
			.toList();
	}

	@Override
	public long countListingsWithOpenReports() {
		Aggregation aggregation = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("resolution").isNull()), Aggregation.group("listingId"),
				Aggregation.count().as("listings"));
		Document counted = this.mongo.aggregate(aggregation, COLLECTION, Document.class).getUniqueMappedResult();
		return (counted != null) ? ((Number) counted.get("listings")).longValue() : 0;
	}

	private static String openKey(Report report) {
		return report.listingId() + "/" + report.reporterId();
	}

	@Override
	public List<Report> about(String listingId) {
		return query(Query.query(Criteria.where("listingId").is(listingId)).with(Sort.by("reportedAt")));
	}

	@Override
	public List<Report> about(Collection<String> listingIds) {
		return query(Query.query(Criteria.where("listingId").in(listingIds)).with(Sort.by("reportedAt")));
	}

	private List<Report> query(Query query) {
		return this.store.find(COLLECTION, query, ReportState.class).stream().map(MongoReports::restore).toList();
	}

	private static Report restore(Stored<ReportState> stored) {
		return Report.restore(stored.document(), stored.version());
	}

}
