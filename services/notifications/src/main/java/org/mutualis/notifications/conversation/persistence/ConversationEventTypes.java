package org.mutualis.notifications.conversation.persistence;

import org.mutualis.notifications.conversation.ConversationEvent;
import org.mutualis.notifications.conversation.MessagePosted;

/** The wire names of conversation events, as the contracts in {@code services/contracts} define them. */
public final class ConversationEventTypes {

	private ConversationEventTypes() {
	}

	/**
	 * Names an event.
	 * @param event the event
	 * @return its logical type, {@code mutualis.conversation.<fact>.v1}
	 */
	public static String typeOf(ConversationEvent event) {
		return switch (event) {
			case MessagePosted e -> "mutualis.conversation.message-posted.v1";
		};
	}

}
