package org.mutualis.notifications.conversation.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The consumer's copy of {@code mutualis.conversation.message-posted.v1}: the fields it uses.
 *
 * @param conversationId the conversation
 * @param fromOrganisationId the organisation that wrote
 * @param toOrganisationId the organisation to tell
 * @param text the message
 * @param authorId the person who wrote it (never told of their own words, whichever organisations they belong to)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MessagePostedData(@Nullable String conversationId, @Nullable String fromOrganisationId,
		@Nullable String toOrganisationId, @Nullable String text, @Nullable String authorId) {
}
