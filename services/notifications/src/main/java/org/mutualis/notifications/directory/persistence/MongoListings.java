package org.mutualis.notifications.directory.persistence;

import java.time.ZoneId;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.Listing;
import org.mutualis.notifications.directory.Listings;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps notifications' listing copies in the {@value #COLLECTION} collection, one upserted document each. */
@Repository
class MongoListings implements Listings {

	static final String COLLECTION = "listings";

	private final MongoTemplate mongo;

	MongoListings(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void record(String id, String ownerOrganisationId, @Nullable String titleFr, @Nullable String titleEn,
			@Nullable ZoneId timeZone) {
		Update update = new Update().set("ownerOrganisationId", ownerOrganisationId);
		Fields.setIfPresent(update, "titleFr", titleFr);
		Fields.setIfPresent(update, "titleEn", titleEn);
		Fields.setIfPresent(update, "timeZone", (timeZone != null) ? timeZone.getId() : null);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
	}

	@Override
	public Optional<Listing> find(String id) {
		Document document = this.mongo.findById(id, Document.class, COLLECTION);
		if (document == null) {
			return Optional.empty();
		}
		String zone = document.getString("timeZone");
		return Optional.of(new Listing(id, document.getString("ownerOrganisationId"), orEmpty(document.getString("titleFr")),
				orEmpty(document.getString("titleEn")), (zone != null) ? ZoneId.of(zone) : DEFAULT_TIME_ZONE));
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
