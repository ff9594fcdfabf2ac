package org.mutualis.identity.organisation.persistence;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.messaging.IdentityEvents;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationState;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.identity.persistence.AggregateStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Keeps organisations, their members and their outbox in one document each, in {@code organisations}. */
@Repository
class MongoOrganisations implements Organisations {

	static final String COLLECTION = "organisations";

	private final MongoTemplate mongo;

	private final AggregateStore store;

	private final IdentityEvents events;

	MongoOrganisations(MongoTemplate mongo, AggregateStore store, IdentityEvents events) {
		this.mongo = mongo;
		this.store = store;
		this.events = events;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("members.personId", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC));
	}

	@Override
	public Optional<Organisation> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, OrganisationState.class, COLLECTION)).map(Organisation::restore);
	}

	@Override
	public List<Organisation> list(@Nullable OrganisationStatus status) {
		Query query = (status != null) ? Query.query(Criteria.where("status").is(status.name())) : new Query();
		query.with(Sort.by(Sort.Direction.DESC, "registeredAt"));
		return this.mongo.find(query, OrganisationState.class, COLLECTION).stream().map(Organisation::restore).toList();
	}

	@Override
	public List<Organisation> ofMember(String personId) {
		Query query = Query.query(Criteria.where("members.personId").is(personId)).with(Sort.by("registeredAt"));
		return this.mongo.find(query, OrganisationState.class, COLLECTION).stream().map(Organisation::restore).toList();
	}

	@Override
	public void save(Organisation organisation) {
		OrganisationState state = organisation.state();
		this.store.save(COLLECTION, state.id(), state.version(), state,
				this.events.ofOrganisation(organisation.takeEvents()));
	}

}
