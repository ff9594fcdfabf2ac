package org.mutualis.notifications.conversation.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.conversation.Conversation;
import org.mutualis.notifications.conversation.ConversationMessage;
import org.mutualis.notifications.conversation.ConversationState;
import org.mutualis.notifications.inbox.WebPaths;

/**
 * A conversation as the API shows it to one organisation (or to an administrator, for a reported one).
 *
 * @param id conversation id
 * @param kind {@code BOOKING} or {@code LISTING_INQUIRY}
 * @param subjectId the booking or listing
 * @param listingId the listing
 * @param titleFr the listing's French title
 * @param titleEn the listing's English title
 * @param requesterOrganisationId the booking or asking organisation
 * @param ownerOrganisationId the owner
 * @param unread messages the viewing organisation has not read (0 for an administrator)
 * @param lastMessageAt when the last message was posted
 * @param reported whether a participant reported it
 * @param link the web page of the conversation
 * @param version its version
 * @param messages its messages, oldest first (left out of lists)
 */
record ConversationView(String id, String kind, String subjectId, String listingId, String titleFr, String titleEn,
		String requesterOrganisationId, String ownerOrganisationId, int unread, @Nullable Instant lastMessageAt,
		boolean reported, String link, long version, @Nullable List<ConversationMessage> messages) {

	static ConversationView of(Conversation conversation, @Nullable String viewer, boolean withMessages) {
		ConversationState state = conversation.state();
		List<ConversationMessage> messages = state.messages();
		return new ConversationView(state.id(), state.kind().name(), state.subjectId(), state.listingId(), state.titleFr(),
				state.titleEn(), state.requesterOrganisationId(), state.ownerOrganisationId(),
				(viewer != null && conversation.involves(viewer)) ? conversation.unreadFor(viewer) : 0,
				messages.isEmpty() ? null : messages.get(messages.size() - 1).postedAt(), state.reported(),
				WebPaths.conversation(state.id()), conversation.version(), withMessages ? messages : null);
	}

}
