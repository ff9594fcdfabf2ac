package org.mutualis.notifications.conversation;

import java.util.List;
import java.util.Optional;

/** Every conversation. */
public interface Conversations {

	/**
	 * Finds a conversation.
	 * @param id its id
	 * @return it, if it exists
	 */
	Optional<Conversation> find(String id);

	/**
	 * The conversations an organisation takes part in, most recently active first.
	 * @param organisationId the organisation
	 * @param limit most to return
	 * @return them
	 */
	List<Conversation> of(String organisationId, int limit);

	/**
	 * Stores a conversation with its events, in one write.
	 * @param conversation the conversation
	 * @throws org.mutualis.platform.aggregate.StaleVersion when another write came first
	 */
	void save(Conversation conversation);

}
