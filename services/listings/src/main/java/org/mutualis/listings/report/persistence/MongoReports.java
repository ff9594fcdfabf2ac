package org.mutualis.listings.report.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.mutualis.listings.report.Report;
import org.mutualis.listings.report.Reports;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps reports in the {@code reports} collection; a resolution is a conditional update on an open report. */
@Repository
class MongoReports implements Reports {

	static final String COLLECTION = "reports";

	private final MongoTemplate mongo;

	MongoReports(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void add(Report report) {
		this.mongo.insert(report, COLLECTION);
	}

	@Override
	public Optional<Report> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Report.class, COLLECTION));
	}

	@Override
	public boolean resolve(Report resolved) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(resolved.id()).and("resolution").isNull()),
					new Update().set("resolution", resolved.resolution()), COLLECTION)
			.getModifiedCount() == 1;
	}

	@Override
	public List<Report> open() {
		return this.mongo.find(Query.query(Criteria.where("resolution").isNull()).with(Sort.by("reportedAt")),
				Report.class, COLLECTION);
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
