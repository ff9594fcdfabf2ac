package org.mutualis.notifications.preferences.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.mutualis.notifications.preferences.Category;
import org.mutualis.notifications.preferences.Channel;
import org.mutualis.notifications.preferences.NotificationPreferences;
import org.mutualis.notifications.preferences.Preferences;
import org.mutualis.notifications.preferences.UnsubscribeTokens;
import org.mutualis.platform.problem.Refusal;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-click unsubscribe (RFC 8058), the target of every e-mail's {@code List-Unsubscribe} header: the secret token in
 * the address is the credential, and it stops e-mail of one category for one person (the inbox stays).
 */
@RestController
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final Preferences preferences;

	UnsubscribeController(UnsubscribeTokens tokens, Preferences preferences) {
		this.tokens = tokens;
		this.preferences = preferences;
	}

	@PostMapping("/api/notifications/unsubscribe/{token}")
	Map<String, Object> unsubscribe(@PathVariable String token) {
		UnsubscribeTokens.Subscription subscription = this.tokens.find(token)
			.orElseThrow(() -> Refusal.of(Refusal.Reason.NOT_FOUND, "unsubscribe-token-unknown"));
		NotificationPreferences current = this.preferences.of(subscription.personId());
		Set<Category> email = EnumSet.noneOf(Category.class);
		for (Category category : Category.values()) {
			if (category != subscription.category() && current.allows(category, Channel.EMAIL)) {
				email.add(category);
			}
		}
		this.preferences.save(new NotificationPreferences(current.personId(), email, current.dailyDigest(),
				current.mutedListings(), current.mutedConversations()));
		return Map.of("category", subscription.category().name(), "email", false);
	}

}
