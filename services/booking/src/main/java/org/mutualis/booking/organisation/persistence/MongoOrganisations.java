package org.mutualis.booking.organisation.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.booking.organisation.Organisation;
import org.mutualis.booking.organisation.OrganisationStatus;
import org.mutualis.booking.organisation.Organisations;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps the organisation read model in the {@value #COLLECTION} collection, one upserted document each. */
@Repository
class MongoOrganisations implements Organisations {

	static final String COLLECTION = "organisations";

	private final MongoTemplate mongo;

	MongoOrganisations(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Optional<Organisation> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).flatMap(MongoOrganisations::read);
	}

	@Override
	public Map<String, Organisation> findAll(Collection<String> ids) {
		// _id alone with $in: answered from the _id index on the embedded store as on MongoDB
		Map<String, Organisation> found = new HashMap<>();
		for (Document document : this.mongo.getCollection(COLLECTION).find(Filters.in("_id", ids))) {
			read(document).ifPresent((organisation) -> found.put(organisation.id(), organisation));
		}
		return found;
	}

	private static Optional<Organisation> read(Document document) {
		if (document.getString("status") == null) {
			return Optional.empty();
		}
		String language = document.getString("preferredLanguage");
		return Optional.of(new Organisation(document.getString("_id"), document.getString("name"),
				OrganisationStatus.valueOf(document.getString("status")), document.getString("sector"),
				document.getString("mrc"), (language != null) ? language : Organisation.DEFAULT_LANGUAGE));
	}

	@Override
	public void record(String id, @Nullable OrganisationStatus status, @Nullable String name, @Nullable String sector,
			@Nullable String mrc, @Nullable String preferredLanguage, Instant changedAt) {
		// eventsApplied counts what shaped this entry: a redelivered event applied twice would show here
		Update update = new Update().set("changedAt", Date.from(changedAt)).inc("eventsApplied", 1);
		setIfPresent(update, "status", (status != null) ? status.name() : null);
		setIfPresent(update, "name", name);
		setIfPresent(update, "sector", sector);
		setIfPresent(update, "mrc", mrc);
		setIfPresent(update, "preferredLanguage", preferredLanguage);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
	}

	private static void setIfPresent(Update update, String field, @Nullable String value) {
		if (value != null) {
			update.set(field, value);
		}
	}

}
