package org.mutualis.notifications.conversation.persistence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.mutualis.notifications.conversation.Conversation;
import org.mutualis.notifications.conversation.ConversationMessage;
import org.mutualis.notifications.conversation.ConversationState;
import org.mutualis.notifications.conversation.Conversations;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.persistence.AggregateStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Keeps conversations in the {@value #COLLECTION} collection through the platform's aggregate store: state, version
 * and {@code mutualis.conversations.v1} events in one conditional write, published by the outbox relay.
 */
@Repository
class MongoConversations implements Conversations {

	static final String COLLECTION = "conversations";

	private static final int MAX_SCANNED = 500;

	private final AggregateStore store;

	private final MongoTemplate mongo;

	MongoConversations(AggregateStore store, MongoTemplate mongo) {
		this.store = store;
		this.mongo = mongo;
	}

	@Override
	public Optional<Conversation> find(String id) {
		return this.store.find(COLLECTION, id, ConversationState.class)
			.map((stored) -> Conversation.restore(stored.document(), stored.version()));
	}

	@Override
	public List<Conversation> of(String organisationId, int limit) {
		Query query = Query.query(new Criteria().orOperator(Criteria.where("requesterOrganisationId").is(organisationId),
				Criteria.where("ownerOrganisationId").is(organisationId)))
			.limit(MAX_SCANNED);
		return this.store.find(COLLECTION, query, ConversationState.class)
			.stream()
			.sorted(Comparator.comparing((stored) -> lastActivity(stored.document()), Comparator.reverseOrder()))
			.limit(limit)
			.map((stored) -> Conversation.restore(stored.document(), stored.version()))
			.toList();
	}

	@Override
	public Page reported(int page, int size) {
		Query reported = Query.query(Criteria.where("reported").is(true));
		long total = this.mongo.count(reported, COLLECTION);
		// in long: page × size must not wrap round; a page past the last is not read at all (the driver's skip is an int)
		long skip = (long) page * size;
		if (skip >= total) {
			return new Page(List.of(), page, size, total);
		}
		Query query = reported.with(Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.asc("_id"))).skip(skip).limit(size);
		List<Conversation> items = this.store.find(COLLECTION, query, ConversationState.class)
			.stream()
			.map((stored) -> Conversation.restore(stored.document(), stored.version()))
			.toList();
		return new Page(items, page, size, total);
	}

	@Override
	public void save(Conversation conversation) {
		this.store.save(COLLECTION, conversation, conversation.state(), Topics.CONVERSATIONS,
				ConversationEventTypes::typeOf);
	}

	private static Instant lastActivity(ConversationState state) {
		List<ConversationMessage> messages = state.messages();
		return messages.isEmpty() ? Instant.EPOCH : messages.get(messages.size() - 1).postedAt();
	}

}
