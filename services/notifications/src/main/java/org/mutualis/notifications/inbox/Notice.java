package org.mutualis.notifications.inbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.preferences.Category;

/**
 * Something that happened and who must be told of it, before it is rendered in each person's language.
 *
 * @param eventId the event it comes from; with the person it identifies the notification, so that a redelivered event
 * gives none
 * @param kind what happened, e.g. {@code booking.requested}; the message keys are {@code notice.<kind>.title/body}
 * @param category the preference category it belongs to
 * @param addressees who is told
 * @param link web path of the page it is about ({@link WebPaths})
 * @param listingId the listing it is about, if any (muting)
 * @param conversationId the conversation it is about, if any (muting)
 * @param listingTitle the listing's title by language ({@code fr}, {@code en}), if any
 * @param localStart start in the listing's time zone, if any
 * @param localEnd end in the listing's time zone, if any
 * @param timeZone the listing's time zone, if any
 * @param text free text the other side wrote (a reason, a message), if any
 * @param occurredAt when it happened
 * @param reason a reason code told in the reader's language ({@code report-reason.<code>}), if any
 */
public record Notice(String eventId, String kind, Category category, List<Addressee> addressees, String link,
		@Nullable String listingId, @Nullable String conversationId, Map<String, String> listingTitle,
		@Nullable LocalDateTime localStart, @Nullable LocalDateTime localEnd, @Nullable ZoneId timeZone,
		@Nullable String text, Instant occurredAt, @Nullable String reason) {

	/**
	 * Copies the lists and maps.
	 */
	public Notice {
		addressees = List.copyOf(addressees);
		listingTitle = Map.copyOf(listingTitle);
	}

	/**
	 * The listing's title in a language, falling back to the other one.
	 * @param language {@code fr} or {@code en}
	 * @return the title, or empty text
	 */
	public String listingTitle(String language) {
		String title = this.listingTitle.get(language);
		if (title == null || title.isBlank()) {
			title = this.listingTitle.get("en".equals(language) ? "fr" : "en");
		}
		return (title != null) ? title : "";
	}

}
