package org.mutualis.identity.person.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.mutualis.identity.common.Emails;
import org.mutualis.identity.person.People;
import org.mutualis.identity.person.Person;
import org.mutualis.identity.person.PersonState;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.persistence.AggregateStore;
import org.mutualis.platform.persistence.Stored;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps people and their outbox in {@code people}; a unique index on the lower-cased address keeps e-mail
 * addresses unique regardless of case (no collation: the embedded store gets collations wrong).
 */
@Repository
class MongoPeople implements People {

	static final String COLLECTION = "people";

	private final AggregateStore store;

	MongoPeople(MongoTemplate mongo, AggregateStore store) {
		this.store = store;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("normalizedEmail", Sort.Direction.ASC).unique());
		mongo.indexOps(COLLECTION).createIndex(new Index().on("resetTokenHash", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("verificationTokenHash", Sort.Direction.ASC));
		// accounts stored before addresses had to be proven keep signing in
		mongo.updateMulti(Query.query(Criteria.where("emailVerified").exists(false)), Update.update("emailVerified", true),
				COLLECTION);
	}

	@Override
	public Optional<Person> find(String id) {
		return this.store.find(COLLECTION, id, PersonState.class).map(MongoPeople::restore);
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
	public Optional<Person> findByVerificationSecretHash(String secretHash) {
		return one(Criteria.where("verificationTokenHash").is(secretHash));
	}

	@Override
	public List<Person> findAll(Collection<String> ids) {
		return this.store.find(COLLECTION, Query.query(Criteria.where("_id").in(ids)), PersonState.class)
			.stream()
			.map(MongoPeople::restore)
			.toList();
	}

	@Override
	public List<Person> findAdministrators() {
		return this.store
			.find(COLLECTION, Query.query(Criteria.where("admin").is(true)).with(Sort.by("normalizedEmail")),
					PersonState.class)
			.stream()
			.map(MongoPeople::restore)
			.toList();
	}

	@Override
	public void save(Person person) {
		this.store.save(COLLECTION, person, person.state(), Topics.IDENTITY, PersonEventTypes::typeOf);
	}

	private Optional<Person> one(Criteria criteria) {
		return this.store.find(COLLECTION, Query.query(criteria).limit(1), PersonState.class)
			.stream()
			.findFirst()
			.map(MongoPeople::restore);
	}

	private static Person restore(Stored<PersonState> stored) {
		return Person.restore(stored.document(), stored.version());
	}

}
