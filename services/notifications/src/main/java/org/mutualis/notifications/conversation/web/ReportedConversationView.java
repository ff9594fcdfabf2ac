package org.mutualis.notifications.conversation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.conversation.Conversation;
import org.mutualis.notifications.conversation.ConversationMessage;
import org.mutualis.notifications.conversation.ConversationState;
import org.mutualis.notifications.inbox.WebPaths;

/**
 * A reported conversation as the administrators' list shows it: what it is about, its two organisations, its reports;
 * its messages are read at {@code GET /api/notifications/conversations/{id}}.
 *
 * @param id conversation id
 * @param kind {@code BOOKING} or {@code LISTING_INQUIRY}
 * @param subjectId the booking or listing
 * @param listingId the listing
 * @param titleFr the listing's French title
 * @param titleEn the listing's English title
 * @param requesterOrganisationId the booking or asking organisation
 * @param requesterOrganisationName its name (empty when identity never said)
 * @param ownerOrganisationId the owner
 * @param ownerOrganisationName its name (empty when identity never said)
 * @param messageCount how many messages it holds
 * @param lastMessageAt when the last message was posted
 * @param reportedAt when it was last reported (absent for a thread reported before reports were dated)
 * @param reports who reported it and when, oldest first
 * @param link the web page of the conversation
 * @param version its version
 */
record ReportedConversationView(String id, String kind, String subjectId, String listingId, String titleFr,
		String titleEn, String requesterOrganisationId, String requesterOrganisationName, String ownerOrganisationId,
		String ownerOrganisationName, int messageCount, @Nullable Instant lastMessageAt, @Nullable Instant reportedAt,
		List<ReportView> reports, String link, long version) {

	static ReportedConversationView of(Conversation conversation, Map<String, String> names) {
		ConversationState state = conversation.state();
		List<ConversationMessage> messages = state.messages();
		return new ReportedConversationView(state.id(), state.kind().name(), state.subjectId(), state.listingId(),
				state.titleFr(), state.titleEn(), state.requesterOrganisationId(),
				names.getOrDefault(state.requesterOrganisationId(), ""), state.ownerOrganisationId(),
				names.getOrDefault(state.ownerOrganisationId(), ""), messages.size(),
				messages.isEmpty() ? null : messages.get(messages.size() - 1).postedAt(), state.reportedAt(),
				state.reports()
					.stream()
					.map((report) -> new ReportView(report.organisationId(),
							names.getOrDefault(report.organisationId(), ""), report.personId(), report.at()))
					.toList(),
				WebPaths.conversation(state.id()), conversation.version());
	}

	/**
	 * One report of the conversation.
	 * @param organisationId the reporting organisation
	 * @param organisationName its name (empty when identity never said)
	 * @param personId the member who reported it
	 * @param reportedAt when
	 */
	record ReportView(String organisationId, String organisationName, String personId, Instant reportedAt) {
	}

}
