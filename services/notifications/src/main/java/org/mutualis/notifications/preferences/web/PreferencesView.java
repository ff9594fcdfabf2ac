package org.mutualis.notifications.preferences.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.notifications.preferences.Channel;
import org.mutualis.notifications.preferences.NotificationPreferences;

/**
 * A person's preferences as the API shows and takes them: each category with its channels, the daily digest, and
 * what is muted.
 *
 * @param categories each category with whether it comes in-app (always) and by e-mail; on a change, a category
 * left out or null (or all, when absent), and a channel left out or null, keep their current choice
 * @param dailyDigest whether e-mails wait for one daily digest; on a change, absent keeps the current choice
 * @param mutedListings muted listing ids; on a change, absent keeps the current list
 * @param mutedConversations muted conversation ids; on a change, absent keeps the current list
 */
record PreferencesView(@Nullable Map<Category, @Nullable Channels> categories, @Nullable Boolean dailyDigest,
		@Nullable @Size(max = NotificationPreferences.MAX_MUTED) List<String> mutedListings,
		@Nullable @Size(max = NotificationPreferences.MAX_MUTED) List<String> mutedConversations) {

	static PreferencesView of(NotificationPreferences preferences) {
		Map<Category, Channels> categories = new LinkedHashMap<>();
		for (Category category : Category.values()) {
			categories.put(category, new Channels(true, preferences.allows(category, Channel.EMAIL)));
		}
		return new PreferencesView(categories, preferences.dailyDigest(), preferences.mutedListings(),
				preferences.mutedConversations());
	}

	/**
	 * The channels of one category; on a change, a channel left out keeps its value.
	 * @param inApp in the inbox and the live stream; always true ({@code false} is refused)
	 * @param email by e-mail
	 */
	record Channels(@Nullable Boolean inApp, @Nullable Boolean email) {
	}

}
