package org.mutualis.identity.person.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.mutualis.identity.common.Emails;
import org.mutualis.identity.messaging.IdentityEvents;
import org.mutualis.identity.persistence.AggregateStore;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.PersonState;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Keeps people and their outbox in {@code people}; a unique index on the lower-cased address keeps e-mail
 * addresses unique regardless of case (no collation: the embedded store gets collations wrong).
 */
@Repository
class MongoPeople implements People {

	static final String COLLECTION = "people";

	private final MongoTemplate mongo;

	private final AggregateStore store;

	private final IdentityEvents events;

	MongoPeople(MongoTemplate mongo, AggregateStore store, IdentityEvents events) {
		this.mongo = mongo;
		this.store = store;
		this.events = events;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("normalizedEmail", Sort.Direction.ASC).unique());
		mongo.indexOps(COLLECTION).createIndex(new Index().on("resetTokenHash", Sort.Direction.ASC));
	}

	@Override
	public Optional<Person> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, PersonState.class, COLLECTION)).map(Person::restore);
	}

	@Override
	public Optional<Person> findByEmail(String email) {
		return one(Criteria.where("normalizedEmail").is(Emails.normalize(email)));
	}

	@Override
	public Optional<Person> findByResetSecretHash(String secretHash) {
		return one(Criteria.where("resetTokenHash").is(secretHash));
	}

	@Override
	public List<Person> findAll(Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), PersonState.class, COLLECTION)
			.stream()
			.map(Person::restore)
			.toList();
	}

	@Override
	public void save(Person person) {
		PersonState state = person.state();
		this.store.save(COLLECTION, state.id(), state.version(), state, this.events.ofPerson(person.takeEvents()));
	}

	private Optional<Person> one(Criteria criteria) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(criteria), PersonState.class, COLLECTION))
			.map(Person::restore);
	}

}
