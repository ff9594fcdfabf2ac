package org.mutualis.notifications.preferences.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.notifications.preferences.Channel;
import org.mutualis.notifications.preferences.NotificationPreferences;
import org.mutualis.notifications.preferences.Preferences;
import org.mutualis.platform.problem.Refusal;
import org.mutualis.platform.security.Actor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own notification preferences; nobody reads or changes another person's. */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesController {

	private final Preferences preferences;

	PreferencesController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	PreferencesView preferences(Actor actor) {
		return PreferencesView.of(this.preferences.of(actor.personId()));
	}

	/**
	 * Changes the person's choices; whatever the request leaves out (or sends as null) keeps its current value: a
	 * category, a category's channel, the digest, a muted list. In-app is checked first: turning it off is refused
	 * before anything else, and nothing is changed. Fields at fault are named as the body writes them
	 * ({@code categories.BOOKINGS.inApp}), like the platform names a badly written value.
	 */
	@PutMapping
	PreferencesView replace(Actor actor, @Valid @RequestBody PreferencesView choices) {
		Map<Category, PreferencesView.@Nullable Channels> chosen = (choices.categories() != null) ? choices.categories()
				: Map.of();
		for (Category category : Category.values()) {
			PreferencesView.Channels channels = chosen.get(category);
			if (channels != null && Boolean.FALSE.equals(channels.inApp())) {
				throw Refusal.invalidField("in-app-always-on", "categories." + category.name() + ".inApp");
			}
		}
		NotificationPreferences current = this.preferences.of(actor.personId());
		Set<Category> email = EnumSet.noneOf(Category.class);
		for (Category category : Category.values()) {
			PreferencesView.Channels channels = chosen.get(category);
			boolean byEmail = (channels != null && channels.email() != null) ? channels.email()
					: current.allows(category, Channel.EMAIL);
			if (byEmail) {
				email.add(category);
			}
		}
		NotificationPreferences replaced = new NotificationPreferences(actor.personId(), email,
				(choices.dailyDigest() != null) ? choices.dailyDigest() : current.dailyDigest(),
				(choices.mutedListings() != null) ? choices.mutedListings() : current.mutedListings(),
				(choices.mutedConversations() != null) ? choices.mutedConversations() : current.mutedConversations());
		this.preferences.save(replaced);
		return PreferencesView.of(replaced);
	}

}
