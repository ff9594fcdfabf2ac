package org.mutualis.listings.organisation.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.listings.organisation.Organisation;
import org.mutualis.listings.organisation.OrganisationStandingChanged;
import org.mutualis.listings.organisation.OrganisationStatus;
import org.mutualis.listings.organisation.Organisations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps the organisation read model in the {@code organisations} collection, one upserted document each, and tells
 * the service when an organisation falls out of good standing or comes back to it.
 */
@Repository
class MongoOrganisations implements Organisations {

	static final String COLLECTION = "organisations";

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher publisher;

	MongoOrganisations(MongoTemplate mongo, ApplicationEventPublisher publisher) {
		this.mongo = mongo;
		this.publisher = publisher;
	}

	@Override
	public Optional<Organisation> find(String id) {
		Document document = this.mongo.findById(id, Document.class, COLLECTION);
		if (document == null) {
			return Optional.empty();
		}
		return Optional.of(new Organisation(id, document.getString("name"),
				OrganisationStatus.valueOf(document.getString("status")), document.getString("mrc"),
				document.getString("municipality"), document.getDate("changedAt").toInstant()));
	}

	@Override
	public void record(String id, OrganisationStatus status, @Nullable String name, @Nullable String mrc,
			@Nullable String municipality, Instant changedAt) {
		// eventsApplied counts what shaped this entry: a redelivered event applied twice would show here
		Update update = new Update().set("status", status.name())
			.set("changedAt", Date.from(changedAt))
			.inc("eventsApplied", 1);
		if (name != null) {
			update.set("name", name);
		}
		if (mrc != null) {
			update.set("mrc", mrc);
		}
		if (municipality != null) {
			update.set("municipality", municipality);
		}
		Document before = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
				FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, COLLECTION);
		boolean wasInGoodStanding = before == null || OrganisationStatus.valueOf(before.getString("status")).inGoodStanding();
		if (wasInGoodStanding != status.inGoodStanding()) {
			this.publisher.publishEvent(new OrganisationStandingChanged(id, status.inGoodStanding()));
		}
	}

	@Override
	public Set<String> outOfGoodStanding() {
		Query query = Query.query(Criteria.where("status")
			.in(Arrays.stream(OrganisationStatus.values()).filter((status) -> !status.inGoodStanding()).map(Enum::name).toList()));
		query.fields().include("_id");
		Set<String> ids = new HashSet<>();
		this.mongo.find(query, Document.class, COLLECTION).forEach((document) -> ids.add(document.getString("_id")));
		return ids;
	}

}
