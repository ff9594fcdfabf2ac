package org.mutualis.notifications.inbox.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mutualis.notifications.directory.Languages;
import org.mutualis.notifications.directory.People;
import org.mutualis.notifications.directory.Person;
import org.mutualis.notifications.inbox.Addressee;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.NewNotifications;
import org.mutualis.notifications.inbox.Notice;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.inbox.WebPaths;
import org.mutualis.notifications.mail.MailProperties;
import org.mutualis.notifications.mail.MailQueue;
import org.mutualis.notifications.mail.OutgoingMail;
import org.mutualis.notifications.preferences.Channel;
import org.mutualis.notifications.preferences.NotificationPreferences;
import org.mutualis.notifications.preferences.Preferences;
import org.mutualis.notifications.preferences.UnsubscribeTokens;

import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Tells each addressee of a notice, once: renders it in their language, writes it to their inbox (read already if
 * they muted its listing or conversation), wakes their live streams, and queues an e-mail when their preferences
 * ask for one. The notification's id comes from the event and the person, so a redelivered event adds nothing and
 * mails nothing.
 */
@Service
public class Notifying {

	private final Inbox inbox;

	private final People people;

	private final Preferences preferences;

	private final UnsubscribeTokens unsubscribeTokens;

	private final Rendering rendering;

	private final MailQueue mail;

	private final MailProperties mailProperties;

	private final NewNotifications live;

	private final Clock clock;

	Notifying(Inbox inbox, People people, Preferences preferences, UnsubscribeTokens unsubscribeTokens,
			Rendering rendering, MailQueue mail, MailProperties mailProperties, NewNotifications live, Clock clock) {
		this.inbox = inbox;
		this.people = people;
		this.preferences = preferences;
		this.unsubscribeTokens = unsubscribeTokens;
		this.rendering = rendering;
		this.mail = mail;
		this.mailProperties = mailProperties;
		this.live = live;
		this.clock = clock;
	}

	/**
	 * The id of the notification an event gives a person.
	 * @param eventId the event
	 * @param personId the person
	 * @return a stable id
	 */
	public static String notificationId(String eventId, String personId) {
		return UUID.nameUUIDFromBytes((eventId + "|" + personId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Tells every addressee of a notice who was not told yet.
	 * @param notice the notice
	 * @return the notifications written now (none for a redelivered event)
	 */
	public List<Notification> tell(Notice notice) {
		return tell(notice, Set.of());
	}

	/**
	 * Tells every addressee of a notice who was not told yet; some only in-app.
	 * @param notice the notice
	 * @param inAppOnly people who get no e-mail for it (e.g. active in the conversation it is about)
	 * @return the notifications written now (none for a redelivered event)
	 */
	public List<Notification> tell(Notice notice, Set<String> inAppOnly) {
		List<Notification> written = new ArrayList<>();
		for (Addressee addressee : notice.addressees()) {
			tell(notice, addressee, !inAppOnly.contains(addressee.personId())).ifPresent(written::add);
		}
		return written;
	}

	private Optional<Notification> tell(Notice notice, Addressee addressee, boolean mayMail) {
		String id = notificationId(notice.eventId(), addressee.personId());
		if (this.inbox.exists(id)) {
			return Optional.empty();
		}
		Optional<Person> person = this.people.find(addressee.personId());
		// the person's own language, else their organisation's, else French
		String language = Languages.of(person.map(Person::language).orElse(addressee.languageHint()));
		NotificationPreferences chosen = this.preferences.of(addressee.personId());
		boolean muted = chosen.mutes(notice.listingId(), notice.conversationId());
		Rendering.Rendered rendered = this.rendering.render(notice, addressee, language);
		Instant now = this.clock.instant();
		Optional<Notification> added = this.inbox.add(new Notification(id, addressee.personId(), 0, notice.kind(),
				notice.category(), rendered.title(), rendered.body(), notice.link(), notice.listingId(),
				notice.conversationId(), now, muted ? now : null));
		added.ifPresent((notification) -> {
			this.live.arrived(notification.personId());
			String email = person.map(Person::email).orElse(null);
			boolean suppressed = this.mailProperties.suppressedCategories().contains(notice.category().name());
			if (mayMail && !muted && !suppressed && email != null && chosen.allows(notice.category(), Channel.EMAIL)) {
				this.mail.enqueue(mail(notification, person.get(), email, language, chosen.dailyDigest()));
			}
		});
		return added;
	}

	private OutgoingMail mail(Notification notification, Person person, String email, String language, boolean digest) {
		Locale locale = Rendering.locale(language);
		String base = this.mailProperties.publicUrl();
		String token = this.unsubscribeTokens.issue(person.id(), notification.category());
		String oneClick = base + "/api/notifications/unsubscribe/" + token;
		String preferencesPage = base + WebPaths.PREFERENCES + "?unsubscribe=" + token;
		String link = base + notification.link();
		String name = (person.displayName() != null) ? person.displayName() : "";
		String category = this.rendering.text("category." + notification.category().name(), locale);
		String greeting = this.rendering.text("mail.greeting", locale, name);
		String open = this.rendering.text("mail.open", locale);
		String why = this.rendering.text("mail.why", locale, category);
		String unsubscribe = this.rendering.text("mail.unsubscribe", locale, category);
		String text = greeting + "\n\n" + notification.title() + "\n\n" + notification.body() + "\n\n"
				+ this.rendering.text("mail.link", locale, open, link) + "\n\n--\n" + why + "\n"
				+ this.rendering.text("mail.link", locale, unsubscribe, preferencesPage) + "\n";
		String html = "<!DOCTYPE html><html lang=\"" + language + "\"><body>" + "<p>" + escape(greeting) + "</p>"
				+ "<h1 style=\"font-size:1.2em\">" + escape(notification.title()) + "</h1>" + "<p>"
				+ escape(notification.body()).replace("\n", "<br>") + "</p>" + "<p><a href=\"" + escape(link) + "\">"
				+ escape(open) + "</a></p><hr><p style=\"font-size:0.9em\">" + escape(why) + "<br><a href=\""
				+ escape(preferencesPage) + "\">" + escape(unsubscribe) + "</a></p></body></html>";
		// the messages of one conversation to one person wait in one e-mail until it is sent
		String batch = (notification.conversationId() != null) ? notification.conversationId() + ":" + person.id() : null;
		return new OutgoingMail(notification.id(), email, language, notification.title(), text, html, oneClick, digest,
				batch);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
