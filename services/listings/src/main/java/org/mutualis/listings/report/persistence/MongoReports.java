package org.mutualis.listings.report.persistence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.Reports;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps reports in the {@code reports} collection; a resolution is a conditional update on an open report. A
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

	private final MongoTemplate mongo;

	MongoReports(MongoTemplate mongo) {
		this.mongo = mongo;
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
		this.mongo.insert(report, COLLECTION);
		return Admission.ADMITTED;
	}

	@Override
	public Optional<Report> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Report.class, COLLECTION));
	}

	@Override
	public boolean resolve(Report resolved) {
		boolean wasOpen = this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(resolved.id()).and("resolution").isNull()),
					new Update().set("resolution", resolved.resolution()), COLLECTION)
			.getModifiedCount() == 1;
		if (wasOpen) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(openKey(resolved)).and("reportId").is(resolved.id())),
					OPEN);
		}
		return wasOpen;
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
		return this.mongo.find(Query.query(Criteria.where("listingId").is(listingId)).with(Sort.by("reportedAt")),
				Report.class, COLLECTION);
	}

	@Override
	public List<Report> about(Collection<String> listingIds) {
		return this.mongo.find(Query.query(Criteria.where("listingId").in(listingIds)).with(Sort.by("reportedAt")),
				Report.class, COLLECTION);
	}

}
