package org.mutualis.identity.organisation.persistence;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.mutualis.identity.common.Page;
import org.mutualis.identity.common.Paging;
import org.mutualis.identity.organisation.Organisation;
import org.mutualis.identity.organisation.OrganisationState;
import org.mutualis.identity.organisation.OrganisationStatus;
import org.mutualis.identity.organisation.Organisations;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.persistence.AggregateStore;
import org.mutualis.platform.persistence.Stored;

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

	MongoOrganisations(MongoTemplate mongo, AggregateStore store) {
		this.mongo = mongo;
		this.store = store;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("members.personId", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC));
	}

	@Override
	public Optional<Organisation> find(String id) {
		return this.store.find(COLLECTION, id, OrganisationState.class).map(MongoOrganisations::restore);
	}

	@Override
	public Page<Organisation> list(@Nullable OrganisationStatus status, Paging paging) {
		Query query = (status != null) ? Query.query(Criteria.where("status").is(status.name())) : new Query();
		long total = this.mongo.count(Query.of(query), COLLECTION);
		query.with(Sort.by(Sort.Direction.DESC, "registeredAt").and(Sort.by("_id")))
			.skip(paging.offset())
			.limit(paging.size());
		return new Page<>(find(query), total);
	}

	@Override
	public List<Organisation> ofMember(String personId) {
		return find(Query.query(Criteria.where("members.personId").is(personId)).with(Sort.by("registeredAt")));
	}

	@Override
	public void save(Organisation organisation) {
		this.store.save(COLLECTION, organisation, organisation.state(), Topics.IDENTITY,
				OrganisationEventTypes::typeOf);
	}

	private List<Organisation> find(Query query) {
		return this.store.find(COLLECTION, query, OrganisationState.class)
			.stream()
			.map(MongoOrganisations::restore)
			.toList();
	}

	private static Organisation restore(Stored<OrganisationState> stored) {
		return Organisation.restore(stored.document(), stored.version());
	}

}
