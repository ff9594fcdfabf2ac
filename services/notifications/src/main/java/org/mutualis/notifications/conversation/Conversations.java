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
	 * A page of the conversations a participant reported, most recently reported first.
	 * @param page page number from 0; a page beyond the last is empty, however large
	 * @param size page size
	 * @return the page
	 */
	Page reported(int page, int size);

	/**
	 * Stores a conversation with its events, in one write.
	 * @param conversation the conversation
	 * @throws org.mutualis.platform.aggregate.StaleVersion when another write came first
	 */
	void save(Conversation conversation);

	/**
	 * A page of conversations.
	 * @param items the conversations on it
	 * @param page its number
	 * @param size its size
	 * @param total conversations in all the pages
	 */
	record Page(List<Conversation> items, int page, int size, long total) {
	}

}
