package org.mutualis.identity.person.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.mutualis.identity.person.SignInFailures;
import org.mutualis.identity.person.SignInThrottle;
import org.mutualis.identity.person.SignInThrottle.Failures;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Counts failed sign-ins in {@code sign_in_failures}, one document per key; each failure is one atomic upsert, so
 * simultaneous attempts are all counted. Stale counts are reset when they are next counted (no TTL in the
 * embedded store).
 */
@Repository
class MongoSignInFailures implements SignInFailures {

	static final String COLLECTION = "sign_in_failures";

	private final MongoTemplate mongo;

	MongoSignInFailures(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Failures> of(Collection<String> keys) {
		Map<String, Failures> counted = new HashMap<>();
		for (Document document : this.mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class,
				COLLECTION)) {
			counted.put(document.getString("_id"),
					new Failures(document.getInteger("failures", 0), document.getDate("lastFailureAt").toInstant()));
		}
		return counted;
	}

	@Override
	public void recordFailure(Collection<String> keys, Instant now) {
		Date forgottenBefore = Date.from(now.minus(SignInThrottle.FORGET_AFTER));
		for (String key : keys) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("lastFailureAt").lt(forgottenBefore)),
					new Update().set("failures", 0), COLLECTION);
			this.mongo.upsert(Query.query(Criteria.where("_id").is(key)),
					new Update().inc("failures", 1).set("lastFailureAt", Date.from(now)), COLLECTION);
		}
	}

	@Override
	public void forget(String key) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
	}

}
