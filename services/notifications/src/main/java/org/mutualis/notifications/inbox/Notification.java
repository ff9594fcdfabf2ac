package org.mutualis.notifications.inbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.preferences.Category;

/**
 * One notification in a person's inbox, rendered in their language.
 *
 * @param id stable id, derived from the event and the person
 * @param personId whose inbox
 * @param sequence its number in the person's inbox: 1, 2, 3… in the order they became visible (the live stream's
 * event id)
 * @param kind what happened, e.g. {@code booking.requested}
 * @param category its preference category
 * @param title one line
 * @param body a few sentences
 * @param link web path of the page it is about
 * @param listingId the listing it is about, if any
 * @param conversationId the conversation it is about, if any
 * @param createdAt when it was written
 * @param readAt when the person read it (muted notifications are written read); {@code null} while unread
 */
public record Notification(String id, String personId, long sequence, String kind, Category category, String title,
		String body, String link, @Nullable String listingId, @Nullable String conversationId, Instant createdAt,
		@Nullable Instant readAt) {

	/** @return whether the person has not read it yet */
	public boolean unread() {
		return this.readAt == null;
	}

}
