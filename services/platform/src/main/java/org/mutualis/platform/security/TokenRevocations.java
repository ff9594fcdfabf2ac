package org.mutualis.platform.security;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What this service has learned from identity events that makes still-unexpired access tokens unacceptable: a
 * suspended organisation, or a membership that ended or changed role after the token was issued. Kept in the
 * service's own database so that every instance of the service sees it.
 */
public class TokenRevocations {

	/** Collection holding one document per suspended organisation, per changed membership and per changed password. */
	public static final String COLLECTION = "token_revocations";

	private final MongoTemplate mongo;

	/**
	 * Creates the registry.
	 * @param mongo the service's database
	 */
	public TokenRevocations(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Records that an organisation is suspended: no token acting for it is accepted until it is reactivated.
	 * @param organisationId the organisation
	 * @param at when it was suspended
	 */
	public void organisationSuspended(String organisationId, Instant at) {
		this.mongo.upsert(byId(organisationKey(organisationId)),
				new Update().set("kind", "ORGANISATION_SUSPENDED").set("at", Date.from(at)), COLLECTION);
	}

	/**
	 * Records that an organisation is active again.
	 * @param organisationId the organisation
	 */
	public void organisationReactivated(String organisationId) {
		this.mongo.remove(byId(organisationKey(organisationId)), COLLECTION);
	}

	/**
	 * Records that a person's membership ended or changed: tokens issued before then are no longer accepted.
	 * @param organisationId the organisation
	 * @param personId the person
	 * @param at when the membership changed
	 */
	public void membershipChanged(String organisationId, String personId, Instant at) {
		this.mongo.findAndModify(byId(membershipKey(organisationId, personId)),
				new Update().set("kind", "MEMBERSHIP_CHANGED").max("at", Date.from(at)),
				FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
	}

	/**
	 * Records that a person changed their password (e.g. after a reset): every token of theirs issued before then is
	 * refused, whichever organisation it acts for.
	 * @param personId the person
	 * @param at when the password changed
	 */
	public void passwordChanged(String personId, Instant at) {
		this.mongo.findAndModify(byId(personKey(personId)), new Update().set("kind", "PASSWORD_CHANGED").max("at", Date.from(at)),
				FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
	}

	/**
	 * Tells whether a token must be refused.
	 * @param organisationId the organisation the token acts for, if any
	 * @param personId the token's subject
	 * @param issuedAt when the token was issued
	 * @return the reason to refuse it, or {@code null} when it may be used
	 */
	public @Nullable String refusal(@Nullable String organisationId, String personId, Instant issuedAt) {
		String personKey = personKey(personId);
		List<String> keys = (organisationId != null)
				? List.of(personKey, organisationKey(organisationId), membershipKey(organisationId, personId))
				: List.of(personKey);
		// one read by _id for every fact that could refuse the token (a find, not exists(): the embedded store
		// answers every count with a scan of the collection); this runs on every authenticated request
		Map<String, Document> found = new HashMap<>();
		for (Document document : this.mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class,
				COLLECTION)) {
			found.put(document.getString("_id"), document);
		}
		Document person = found.get(personKey);
		if (person != null && issuedBefore(issuedAt, person.getDate("at").toInstant())) {
			return "password changed after the token was issued";
		}
		if (organisationId == null) {
			return null;
		}
		if (found.containsKey(organisationKey(organisationId))) {
			return "organisation suspended";
		}
		Document membership = found.get(membershipKey(organisationId, personId));
		if (membership != null && issuedBefore(issuedAt, membership.getDate("at").toInstant())) {
			return "membership changed after the token was issued";
		}
		return null;
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static String organisationKey(String organisationId) {
		return "org:" + organisationId;
	}

	private static String personKey(String personId) {
		return "person:" + personId;
	}

	private static String membershipKey(String organisationId, String personId) {
		return "member:" + organisationId + ":" + personId;
	}

	/**
	 * Whether a token may have been issued before a change. A token's {@code iat} has whole seconds and the change's
	 * time has milliseconds: a token of the change's own second may be older than the change, so it is refused too
	 * (the person signs in again a second later; never letting an old token through is worth that second).
	 */
	private static boolean issuedBefore(Instant issuedAt, Instant change) {
		return !issuedAt.isAfter(change);
	}

}
