package org.mutualis.notifications.inbox.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.inbox.Notification;

/**
 * A notification as the API and the live stream show it.
 *
 * @param id notification id
 * @param sequence its number in the person's inbox (the stream's event id)
 * @param kind what happened, e.g. {@code booking.requested}
 * @param category its preference category
 * @param title one line, in the person's language
 * @param body a few sentences, in the person's language
 * @param link web path of the page it is about
 * @param listingId the listing it is about, if any
 * @param conversationId the conversation it is about, if any
 * @param createdAt when it was written
 * @param readAt when it was read; {@code null} while unread
 */
record NotificationView(String id, long sequence, String kind, String category, String title, String body, String link,
		@Nullable String listingId, @Nullable String conversationId, Instant createdAt, @Nullable Instant readAt) {

	static NotificationView of(Notification notification) {
		return new NotificationView(notification.id(), notification.sequence(), notification.kind(),
				notification.category().name(), notification.title(), notification.body(), notification.link(),
				notification.listingId(), notification.conversationId(), notification.createdAt(),
				notification.readAt());
	}

}
