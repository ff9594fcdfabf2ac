package org.mutualis.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What this service has learned from identity events that makes still-unexpired access tokens unacceptable: a
 * suspended organisation, or a membership that ended or changed role after the token was issued. Kept in the
 * service's own database so that every instance of the service sees it.
 * <p>
 * Every authenticated request asks; reading the store each time was one store round trip per request. Each instance
 * therefore answers from its copy of the whole collection (a few documents: one per suspended organisation and per
 * changed membership or password), read again when it is older than {@code refresh}. What this instance records is in
 * its copy at once; what another instance of the service records reaches it within {@code refresh}, on top of the
 * event's own delay. When the store cannot be read the last copy keeps answering; without any copy the read's error
 * goes to the caller.
 */
public class TokenRevocations {

	/** Collection holding one document per suspended organisation, per changed membership and per changed password. */
	public static final String COLLECTION = "token_revocations";

	/** How old the copy may be by default. */
	public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

	private static final String SUSPENDED = "ORGANISATION_SUSPENDED";

	private final MongoTemplate mongo;

	private final Duration refresh;

	private final Clock clock;

	private final ReentrantLock reading = new ReentrantLock();

	/** The copy and when it was read; replaced, never changed in place. */
	private volatile @Nullable Copy copy;

	/** Moved on by each change this instance records, so that a read begun before it does not hide it. */
	private long changes;

	/**
	 * Creates the registry with a copy read again every second.
	 * @param mongo the service's database
	 */
	public TokenRevocations(MongoTemplate mongo) {
		this(mongo, DEFAULT_REFRESH, Clock.systemUTC());
	}

	/**
	 * Creates the registry.
	 * @param mongo the service's database
	 * @param refresh how old the copy may be before a request reads it again
	 * @param clock the time
	 */
	public TokenRevocations(MongoTemplate mongo, Duration refresh, Clock clock) {
		this.mongo = mongo;
		this.refresh = refresh;
		this.clock = clock;
	}

	/**
	 * Records that an organisation is suspended: no token acting for it is accepted until it is reactivated.
	 * @param organisationId the organisation
	 * @param at when it was suspended
	 */
	public void organisationSuspended(String organisationId, Instant at) {
		String key = organisationKey(organisationId);
		this.mongo.upsert(byId(key), new Update().set("kind", SUSPENDED).set("at", Date.from(at)), COLLECTION);
		recorded((entries) -> entries.put(key, at));
	}

	/**
	 * Records that an organisation is active again.
	 * @param organisationId the organisation
	 */
	public void organisationReactivated(String organisationId) {
		String key = organisationKey(organisationId);
		this.mongo.remove(byId(key), COLLECTION);
		recorded((entries) -> entries.remove(key));
	}

	/**
	 * Records that a person's membership ended or changed: tokens issued before then are no longer accepted.
	 * @param organisationId the organisation
	 * @param personId the person
	 * @param at when the membership changed
	 */
	public void membershipChanged(String organisationId, String personId, Instant at) {
		String key = membershipKey(organisationId, personId);
		this.mongo.findAndModify(byId(key), new Update().set("kind", "MEMBERSHIP_CHANGED").max("at", Date.from(at)),
				FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
		recorded((entries) -> entries.merge(key, at, TokenRevocations::later));
	}

	/**
	 * Records that a person changed their password (e.g. after a reset): every token of theirs issued before then is
	 * refused, whichever organisation it acts for.
	 * @param personId the person
	 * @param at when the password changed
	 */
	public void passwordChanged(String personId, Instant at) {
		String key = personKey(personId);
		this.mongo.findAndModify(byId(key), new Update().set("kind", "PASSWORD_CHANGED").max("at", Date.from(at)),
				FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
		recorded((entries) -> entries.merge(key, at, TokenRevocations::later));
	}

	/**
	 * Tells whether a token must be refused.
	 * @param organisationId the organisation the token acts for, if any
	 * @param personId the token's subject
	 * @param issuedAt when the token was issued
	 * @return the reason to refuse it, or {@code null} when it may be used
	 */
	public @Nullable String refusal(@Nullable String organisationId, String personId, Instant issuedAt) {
		Map<String, Instant> entries = current();
		Instant passwordChanged = entries.get(personKey(personId));
		if (passwordChanged != null && issuedBefore(issuedAt, passwordChanged)) {
			return "password changed after the token was issued";
		}
		if (organisationId == null) {
			return null;
		}
		if (entries.containsKey(organisationKey(organisationId))) {
			return "organisation suspended";
		}
		Instant membershipChanged = entries.get(membershipKey(organisationId, personId));
		if (membershipChanged != null && issuedBefore(issuedAt, membershipChanged)) {
			return "membership changed after the token was issued";
		}
		return null;
	}

	/** The copy, read again first when it is too old (by one request; the others meanwhile use the old copy). */
	private Map<String, Instant> current() {
		Copy known = this.copy;
		Instant now = this.clock.instant();
		if (known != null && now.isBefore(known.readAt().plus(this.refresh))) {
			return known.entries();
		}
		if (known != null && !this.reading.tryLock()) {
			return known.entries();
		}
		if (known == null) {
			this.reading.lock();
		}
		try {
			Copy latest = this.copy;
			if (latest != null && latest != known) {
				// read by another request while this one waited
				return latest.entries();
			}
			long before;
			synchronized (this) {
				before = this.changes;
			}
			Map<String, Instant> read;
			try {
				read = readAll();
			}
			catch (DataAccessException ex) {
				if (known == null) {
					throw ex;
				}
				log.warn("token revocations unreadable, answering from the copy of {}: {}", known.readAt(), ex.toString());
				synchronized (this) {
					// the copy as it is now (with what this instance recorded meanwhile), tried again after refresh
					Copy current = this.copy;
					this.copy = new Copy(current.entries(), now);
					return current.entries();
				}
			}
			synchronized (this) {
				Copy meanwhile = this.copy;
				if (this.changes != before && meanwhile != null) {
					// this instance recorded a change during the read, which the read may not show: keep the copy that
					// has it, read again at the next request
					this.copy = new Copy(meanwhile.entries(), Instant.MIN);
					return meanwhile.entries();
				}
				this.copy = new Copy(read, now);
				return read;
			}
		}
		finally {
			this.reading.unlock();
		}
	}

	private Map<String, Instant> readAll() {
		Map<String, Instant> read = new HashMap<>();
		Query all = new Query();
		all.fields().include("at");
		for (Document document : this.mongo.find(all, Document.class, COLLECTION)) {
			Date at = document.getDate("at");
			read.put(document.getString("_id"), (at != null) ? at.toInstant() : Instant.MIN);
		}
		return Map.copyOf(read);
	}

	/** Applies a change this instance just stored to its copy. */
	private synchronized void recorded(Consumer<Map<String, Instant>> change) {
		this.changes++;
		Copy known = this.copy;
		if (known != null) {
			Map<String, Instant> entries = new HashMap<>(known.entries());
			change.accept(entries);
			this.copy = new Copy(Map.copyOf(entries), known.readAt());
		}
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
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

	private record Copy(Map<String, Instant> entries, Instant readAt) {
	}

}
