package org.mutualis.notifications.directory.persistence;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.mutualis.notifications.directory.Memberships;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps memberships in the {@value #COLLECTION} collection, one document per organisation and person. */
@Repository
class MongoMemberships implements Memberships {

	static final String COLLECTION = "memberships";

	private final MongoTemplate mongo;

	MongoMemberships(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void join(String organisationId, String personId, String role) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(key(organisationId, personId))),
				new Update().set("organisationId", organisationId).set("personId", personId).set("role", role),
				COLLECTION);
	}

	@Override
	public void leave(String organisationId, String personId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key(organisationId, personId))), COLLECTION);
	}

	@Override
	public List<String> managersOf(String organisationId) {
		return people(Criteria.where("organisationId").is(organisationId).and("role").is(MANAGER));
	}

	@Override
	public List<String> membersOf(String organisationId) {
		return people(Criteria.where("organisationId").is(organisationId));
	}

	@Override
	public Optional<String> roleOf(String organisationId, String personId) {
		Document document = this.mongo.findById(key(organisationId, personId), Document.class, COLLECTION);
		return Optional.ofNullable((document != null) ? document.getString("role") : null);
	}

	private List<String> people(Criteria criteria) {
		return this.mongo.find(Query.query(criteria).with(Sort.by("personId")), Document.class, COLLECTION)
			.stream()
			.map((document) -> document.getString("personId"))
			.toList();
	}

	private static String key(String organisationId, String personId) {
		return organisationId + ":" + personId;
	}

}
