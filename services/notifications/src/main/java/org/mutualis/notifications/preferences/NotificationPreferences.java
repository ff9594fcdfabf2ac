package org.mutualis.notifications.preferences;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.mutualis.platform.problem.Refusal;

/**
 * A person's choices of how they are told: which categories also come by e-mail (the inbox is always on), whether
 * e-mail comes as one daily digest, and which listings and conversations are muted.
 *
 * @param personId the person
 * @param emailCategories categories that also come by e-mail
 * @param dailyDigest whether e-mails wait for one daily digest instead of going at once
 * @param mutedListings listings whose notifications neither count as unread nor come by e-mail
 * @param mutedConversations conversations whose notifications neither count as unread nor come by e-mail
 */
public record NotificationPreferences(String personId, Set<Category> emailCategories, boolean dailyDigest,
		List<String> mutedListings, List<String> mutedConversations) {

	/** Most listings or conversations one person may mute. */
	public static final int MAX_MUTED = 200;

	/** Longest id accepted in a muted list. */
	public static final int MAX_ID_LENGTH = 100;

	/**
	 * Checks and copies the choices.
	 * @throws Refusal {@code too-many-muted} or {@code muted-id-invalid} when a list is too long or holds a blank or
	 * overlong id
	 */
	public NotificationPreferences {
		emailCategories = Set.copyOf(emailCategories);
		mutedListings = checked("mutedListings", mutedListings);
		mutedConversations = checked("mutedConversations", mutedConversations);
	}

	/**
	 * What a person who never chose gets: every category by e-mail at once, nothing muted.
	 * @param personId the person
	 * @return the defaults
	 */
	public static NotificationPreferences defaults(String personId) {
		return new NotificationPreferences(personId, EnumSet.allOf(Category.class), false, List.of(), List.of());
	}

	/**
	 * Tells whether a category comes through a channel.
	 * @param category the category
	 * @param channel the channel
	 * @return always true in-app; for e-mail, the person's choice
	 */
	public boolean allows(Category category, Channel channel) {
		return channel == Channel.IN_APP || this.emailCategories.contains(category);
	}

	/**
	 * Tells whether a notification about a listing or conversation is muted.
	 * @param listingId the listing it is about, if any
	 * @param conversationId the conversation it is about, if any
	 * @return whether the person muted either
	 */
	public boolean mutes(@Nullable String listingId, @Nullable String conversationId) {
		return (listingId != null && this.mutedListings.contains(listingId))
				|| (conversationId != null && this.mutedConversations.contains(conversationId));
	}

	private static List<String> checked(String field, List<String> ids) {
		if (ids.size() > MAX_MUTED) {
			throw Refusal.invalidField("too-many-muted", field, MAX_MUTED);
		}
		for (String id : ids) {
			if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
				throw Refusal.invalidField("muted-id-invalid", field, MAX_ID_LENGTH);
			}
		}
		return ids.stream().distinct().toList();
	}

}
