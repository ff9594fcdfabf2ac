package org.mutualis.notifications.conversation;

import java.time.Instant;

/**
 * A message was posted to a conversation ({@code mutualis.conversation.message-posted.v1}).
 *
 * @param conversationId the conversation
 * @param kind {@code BOOKING} or {@code LISTING_INQUIRY}
 * @param subjectId the booking or listing it is about
 * @param listingId the listing concerned
 * @param messageId the message
 * @param fromOrganisationId the organisation that wrote
 * @param toOrganisationId the other organisation
 * @param authorId the person who wrote
 * @param text the message, plain text
 * @param postedAt when
 */
public record MessagePosted(String conversationId, String kind, String subjectId, String listingId, String messageId,
		String fromOrganisationId, String toOrganisationId, String authorId, String text, Instant postedAt)
		implements ConversationEvent {
}
