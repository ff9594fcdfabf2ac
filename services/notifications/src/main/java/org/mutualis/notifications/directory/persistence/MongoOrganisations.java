package org.mutualis.notifications.directory.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.Languages;
import org.mutualis.notifications.directory.Organisation;
import org.mutualis.notifications.directory.Organisations;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps the organisations read model in the {@value #COLLECTION} collection, one upserted document each. */
@Repository
class MongoOrganisations implements Organisations {

	static final String COLLECTION = "organisations";

	private final MongoTemplate mongo;

	MongoOrganisations(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void record(String id, @Nullable String status, @Nullable String name, @Nullable String language, Instant at) {
		Update update = new Update().set("changedAt", Date.from(at));
		Fields.setIfPresent(update, "status", status);
		Fields.setIfPresent(update, "name", name);
		Fields.setIfPresent(update, "language", (language != null) ? Languages.of(language) : null);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
	}

	@Override
	public Optional<Organisation> find(String id) {
		Document document = this.mongo.findById(id, Document.class, COLLECTION);
		if (document == null) {
			return Optional.empty();
		}
		String name = document.getString("name");
		String status = document.getString("status");
		return Optional.of(new Organisation(id, (name != null) ? name : "", (status != null) ? status : "REGISTERED",
				Languages.of(document.getString("language"))));
	}

}
