package org.mutualis.notifications.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation.
 *
 * @param id message id
 * @param organisationId the organisation it speaks for
 * @param authorId the person who wrote it
 * @param text its plain text, made safe ({@link MessageText})
 * @param links the web addresses it contains (http and https only)
 * @param postedAt when it was posted
 */
public record ConversationMessage(String id, String organisationId, String authorId, String text, List<String> links,
		Instant postedAt) {
}
