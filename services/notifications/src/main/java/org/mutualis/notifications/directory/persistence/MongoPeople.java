package org.mutualis.notifications.directory.persistence;

import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.directory.Languages;
import org.mutualis.notifications.directory.People;
import org.mutualis.notifications.directory.Person;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps the people read model in the {@value #COLLECTION} collection, one upserted document each: address, name,
 * language and whether they administer the platform.
 */
@Repository
class MongoPeople implements People {

	static final String COLLECTION = "people";

	/** Field saying that identity made the person an administrator of the platform. */
	static final String ADMINISTRATOR = "administrator";

	private final MongoTemplate mongo;

	MongoPeople(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void record(String id, @Nullable String email, @Nullable String displayName, @Nullable String language) {
		Update update = new Update().setOnInsert("_id", id);
		Fields.setIfPresent(update, "email", email);
		Fields.setIfPresent(update, "displayName", displayName);
		Fields.setIfPresent(update, "language", (language != null) ? Languages.of(language) : null);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
	}

	@Override
	public void administrator(String id, boolean administrator) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)),
				new Update().setOnInsert("_id", id).set(ADMINISTRATOR, administrator), COLLECTION);
	}

	@Override
	public Optional<Person> find(String id) {
		Document document = this.mongo.findById(id, Document.class, COLLECTION);
		if (document == null) {
			return Optional.empty();
		}
		return Optional.of(new Person(id, document.getString("email"), document.getString("displayName"),
				document.getString("language")));
	}

}
