package org.mutualis.notifications.conversation.web;

import java.util.List;

/**
 * A page of the reported conversations, most recently reported first.
 *
 * @param items the conversations on it
 * @param page page number from 0
 * @param size page size
 * @param total reported conversations in all
 */
record ReportedConversationsView(List<ReportedConversationView> items, int page, int size, long total) {
}
