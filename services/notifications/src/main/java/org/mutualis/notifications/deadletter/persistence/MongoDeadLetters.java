package org.mutualis.notifications.deadletter.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.deadletter.DeadLetter;
import org.mutualis.notifications.deadletter.DeadLetters;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps dead letters in the {@value #COLLECTION} collection, one document per dead-letter record. */
@Repository
class MongoDeadLetters implements DeadLetters {

	static final String COLLECTION = "dead_letters";

	private final MongoTemplate mongo;

	MongoDeadLetters(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void keep(DeadLetter letter) {
		Update update = new Update().setOnInsert("topic", letter.topic())
			.setOnInsert("partition", letter.partition())
			.setOnInsert("offset", letter.offset())
			.setOnInsert("key", letter.key())
			.setOnInsert("value", letter.value())
			.setOnInsert("error", letter.error())
			.setOnInsert("exception", letter.exception())
			.setOnInsert("consumerGroup", letter.consumerGroup())
			.setOnInsert("receivedAt", Date.from(letter.receivedAt()))
			.setOnInsert("replays", 0);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(letter.id())), update, COLLECTION);
	}

	@Override
	public List<DeadLetter> of(String topic, int limit) {
		return this.mongo
			.find(Query.query(Criteria.where("topic").is(topic)).with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit),
					Document.class, COLLECTION)
			.stream()
			.map(MongoDeadLetters::fromDocument)
			.toList();
	}

	@Override
	public Optional<DeadLetter> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).map(MongoDeadLetters::fromDocument);
	}

	@Override
	public void replayed(String id, Instant at) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("replayedAt", Date.from(at)).inc("replays", 1), COLLECTION);
	}

	private static DeadLetter fromDocument(Document document) {
		Number partition = (Number) document.get("partition");
		Number offset = (Number) document.get("offset");
		Number replays = (Number) document.get("replays");
		return new DeadLetter(document.getString("_id"), document.getString("topic"),
				(partition != null) ? partition.intValue() : null, (offset != null) ? offset.longValue() : null,
				document.getString("key"), document.getString("value"), document.getString("error"),
				document.getString("exception"), document.getString("consumerGroup"),
				document.getDate("receivedAt").toInstant(), instant(document.getDate("replayedAt")),
				(replays != null) ? replays.intValue() : 0);
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
