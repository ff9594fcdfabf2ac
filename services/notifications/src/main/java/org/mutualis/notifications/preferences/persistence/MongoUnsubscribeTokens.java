package org.mutualis.notifications.preferences.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.notifications.preferences.UnsubscribeTokens;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Keeps unsubscribe tokens in the {@value #COLLECTION} collection; the token is the document id. */
@Repository
class MongoUnsubscribeTokens implements UnsubscribeTokens {

	static final String COLLECTION = "unsubscribe_tokens";

	private final MongoTemplate mongo;

	private final SecureRandom random = new SecureRandom();

	MongoUnsubscribeTokens(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String issue(String personId, Category category) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.mongo.insert(new Document("_id", token).append("personId", personId)
			.append("category", category.name())
			.append("issuedAt", new Date()), COLLECTION);
		return token;
	}

	@Override
	public long purgeBefore(Instant before) {
		return this.mongo.remove(Query.query(Criteria.where("issuedAt").lt(Date.from(before))), COLLECTION)
			.getDeletedCount();
	}

	@Override
	public Optional<Subscription> find(String token) {
		Document document = this.mongo.findById(token, Document.class, COLLECTION);
		if (document == null) {
			return Optional.empty();
		}
		return Optional.of(new Subscription(document.getString("personId"), Category.valueOf(document.getString("category"))));
	}

}
