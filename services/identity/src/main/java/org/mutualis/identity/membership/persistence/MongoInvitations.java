package org.mutualis.identity.membership.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mutualis.identity.common.Emails;
import org.mutualis.identity.membership.Invitation;
import org.mutualis.identity.membership.InvitationState;
import org.mutualis.identity.membership.Invitations;
import org.mutualis.platform.events.OutboxRelay;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.persistence.AggregateStore;

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

	private final AggregateStore store;

	MongoInvitations(MongoTemplate mongo, AggregateStore store) {
		this.mongo = mongo;
		this.store = store;
		mongo.indexOps(COLLECTION).createIndex(new Index().on("organisationId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("secretHash", Sort.Direction.ASC).unique());
		// invitations once kept events no contract published (the collection is not relayed): drop them
		mongo.updateMulti(Query.query(Criteria.where(OutboxRelay.OUTBOX_FIELD + ".0").exists(true)),
				Update.update(OutboxRelay.OUTBOX_FIELD, java.util.List.of()), COLLECTION);
		// invitations stored before they were versioned aggregates start at the first version
		mongo.updateMulti(Query.query(Criteria.where(AggregateStore.VERSION_FIELD).exists(false)),
				Update.update(AggregateStore.VERSION_FIELD, 0L), COLLECTION);
	}

	@Override
	public Optional<Invitation> findBySecretHash(String secretHash) {
		return this.store.find(COLLECTION, Query.query(Criteria.where("secretHash").is(secretHash)), InvitationState.class)
			.stream()
			.findFirst()
			.map((stored) -> Invitation.restore(stored.document(), stored.version()));
	}

	@Override
	public Optional<Invitation> find(String id) {
		return this.store.find(COLLECTION, id, InvitationState.class)
			.map((stored) -> Invitation.restore(stored.document(), stored.version()));
	}

	@Override
	public List<Invitation> pending(String organisationId, Instant now, long offset, int limit) {
		Query query = pendingOf(organisationId, now).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
			.skip(offset)
			.limit(limit);
		return this.store.find(COLLECTION, query, InvitationState.class)
			.stream()
			.map((stored) -> Invitation.restore(stored.document(), stored.version()))
			.toList();
	}

	@Override
	public Optional<Invitation> pendingFor(String organisationId, String email, Instant now) {
		// addresses are stored as typed; an organisation has at most DAILY_LIMIT a day for VALIDITY days pending, few
		// enough to compare here with the same normalisation as everywhere else
		String address = Emails.normalize(email);
		return pending(organisationId, now, 0, Integer.MAX_VALUE).stream()
			.filter((invitation) -> Emails.normalize(invitation.email()).equals(address))
			.findFirst();
	}

	@Override
	public long countPending(String organisationId, Instant now) {
		return this.mongo.count(pendingOf(organisationId, now), COLLECTION);
	}

	private static Query pendingOf(String organisationId, Instant now) {
		// null also matches invitations stored before the field existed
		return Query.query(Criteria.where("organisationId")
			.is(organisationId)
			.and("acceptedAt")
			.is(null)
			.and("completedAt")
			.is(null)
			.and("withdrawnAt")
			.is(null)
			.and("expiresAt")
			.gt(now));
	}

	private static String noEvents(Void none) {
		throw new IllegalStateException("an invitation records no events");
	}

	@Override
	public long sentSince(String organisationId, Instant since) {
		return this.mongo.count(Query.query(Criteria.where("organisationId").is(organisationId).and("createdAt").gte(since)),
				COLLECTION);
	}

	@Override
	public void save(Invitation invitation) {
		this.store.save(COLLECTION, invitation, invitation.state(), Topics.IDENTITY, MongoInvitations::noEvents);
	}

}
