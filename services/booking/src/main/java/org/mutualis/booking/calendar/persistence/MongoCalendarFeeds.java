package org.mutualis.booking.calendar.persistence;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.mutualis.booking.calendar.CalendarFeed;
import org.mutualis.booking.calendar.CalendarFeeds;
import org.mutualis.booking.calendar.FeedScope;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps calendar feeds in {@code calendar_feeds}; a revoked feed is deleted, so its token opens nothing. */
@Repository
class MongoCalendarFeeds implements CalendarFeeds {

	static final String COLLECTION = "calendar_feeds";

	private final MongoTemplate mongo;

	MongoCalendarFeeds(MongoTemplate mongo) {
		this.mongo = mongo;
		this.mongo.indexOps(COLLECTION).createIndex(new Index().on("tokenHash", Sort.Direction.ASC).unique());
	}

	@Override
	public void add(CalendarFeed feed) {
		this.mongo.insert(new Document("_id", feed.id()).append("organisationId", feed.organisationId())
			.append("scope", feed.scope().name())
			.append("listingId", feed.listingId())
			.append("language", feed.language())
			.append("tokenHash", feed.tokenHash())
			.append("createdBy", feed.createdBy())
			.append("createdAt", Date.from(feed.createdAt()))
			.append("rotatedAt", Date.from(feed.rotatedAt())), COLLECTION);
	}

	@Override
	public Optional<CalendarFeed> find(String id, String organisationId) {
		return one(Query.query(Criteria.where("_id").is(id).and("organisationId").is(organisationId)));
	}

	@Override
	public Optional<CalendarFeed> findByTokenHash(String tokenHash) {
		return one(Query.query(Criteria.where("tokenHash").is(tokenHash)));
	}

	@Override
	public boolean replaceToken(CalendarFeed feed) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(feed.id()).and("organisationId").is(feed.organisationId())),
				new Update().set("tokenHash", feed.tokenHash()).set("rotatedAt", Date.from(feed.rotatedAt())), COLLECTION)
			.getMatchedCount() == 1;
	}

	@Override
	public boolean remove(String id, String organisationId) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("organisationId").is(organisationId)), COLLECTION)
			.getDeletedCount() == 1;
	}

	@Override
	public List<CalendarFeed> ofOrganisation(String organisationId) {
		Query query = Query.query(Criteria.where("organisationId").is(organisationId)).with(Sort.by("createdAt", "_id"));
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(MongoCalendarFeeds::feed).toList();
	}

	private Optional<CalendarFeed> one(Query query) {
		return Optional.ofNullable(this.mongo.findOne(query, Document.class, COLLECTION)).map(MongoCalendarFeeds::feed);
	}

	private static CalendarFeed feed(Document document) {
		return new CalendarFeed(document.getString("_id"), document.getString("organisationId"),
				FeedScope.valueOf(document.getString("scope")), document.getString("listingId"),
				document.getString("language"), document.getString("tokenHash"), document.getString("createdBy"),
				document.getDate("createdAt").toInstant(), document.getDate("rotatedAt").toInstant());
	}

}
