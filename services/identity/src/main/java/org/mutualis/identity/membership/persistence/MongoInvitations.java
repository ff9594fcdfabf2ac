package org.mutualis.identity.membership.persistence;

import java.util.Date;
import java.util.Optional;

import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.Invitations;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps invitations in {@code invitations}, found by the hash of their secret; the secret itself is never stored. */
@Repository
class MongoInvitations implements Invitations {

	static final String COLLECTION = "invitations";

	private final MongoTemplate mongo;

	MongoInvitations(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("secretHash", Sort.Direction.ASC).unique());
	}

	@Override
	public void add(Invitation invitation) {
		this.mongo.insert(invitation, COLLECTION);
	}

	@Override
	public Optional<Invitation> findBySecretHash(String secretHash) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("secretHash").is(secretHash)), Invitation.class, COLLECTION));
	}

	@Override
	public boolean markAccepted(Invitation accepted) {
		Query unused = Query.query(Criteria.where("_id").is(accepted.id()).and("acceptedAt").is(null));
		return this.mongo.updateFirst(unused, Update.update("acceptedAt", Date.from(accepted.acceptedAt())), COLLECTION)
			.getModifiedCount() == 1;
	}

}
