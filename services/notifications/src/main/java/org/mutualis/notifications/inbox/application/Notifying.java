package org.mutualis.notifications.inbox.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

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
import org.mutualis.platform.mail.MailContent;
import org.mutualis.platform.mail.MailLayout;

import org.springframework.stereotype.Service;

/**
 * Tells each addressee of a notice, once: renders it in their language, writes it to their inbox (read already if
 * they muted its listing or conversation), wakes their live streams, and queues an e-mail when their preferences
 * ask for one. The notification's id comes from the event and the person, so a redelivered event adds nothing and
 * mails nothing. Many notices at once (a batch of events) cost a few store round trips per person, not several per
 * notification, and the live streams are woken as soon as the inbox write is done, before any e-mail is queued.
 */
@Service
public class Notifying {

	/** The platform's one e-mail layout (stateless). */
	private static final MailLayout LAYOUT = new MailLayout();

	private final Inbox inbox;

	private final People people;

	private final Preferences preferences;

	private final UnsubscribeTokens unsubscribeTokens;

	private final Rendering rendering;

	private final MailQueue mail;

	private final MailProperties mailProperties;

	private final NewNotifications live;

	private final Clock clock;

	private final SentNotifications sent;

	Notifying(Inbox inbox, People people, Preferences preferences, UnsubscribeTokens unsubscribeTokens,
			Rendering rendering, MailQueue mail, MailProperties mailProperties, NewNotifications live, Clock clock,
			MeterRegistry meters) {
		this.inbox = inbox;
		this.people = people;
		this.preferences = preferences;
		this.unsubscribeTokens = unsubscribeTokens;
		this.rendering = rendering;
		this.mail = mail;
		this.mailProperties = mailProperties;
		this.live = live;
		this.clock = clock;
		this.sent = new SentNotifications(meters);
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
		return tellAll(List.of(notice), inAppOnly);
	}

	/**
	 * Tells every addressee of some notices who was not told yet, in the order of the notices.
	 * @param notices the notices (e.g. of one batch of events)
	 * @return the notifications written now (none for redelivered events)
	 */
	public List<Notification> tellAll(List<Notice> notices) {
		return tellAll(notices, Set.of());
	}

	private List<Notification> tellAll(List<Notice> notices, Set<String> inAppOnly) {
		Map<String, Told> told = new HashMap<>();
		List<Notification> drafts = new ArrayList<>();
		Map<String, Optional<Person>> people = new HashMap<>();
		Map<String, NotificationPreferences> chosen = new HashMap<>();
		Set<String> existing = this.inbox.existing(notices.stream()
			.flatMap((notice) -> notice.addressees().stream().map((to) -> notificationId(notice.eventId(), to.personId())))
			.toList());
		Instant now = this.clock.instant();
		for (Notice notice : notices) {
			for (Addressee addressee : notice.addressees()) {
				String id = notificationId(notice.eventId(), addressee.personId());
				if (existing.contains(id) || told.containsKey(id)) {
					continue;
				}
				Optional<Person> person = people.computeIfAbsent(addressee.personId(), this.people::find);
				// the person's own language, else their organisation's, else French
				String language = Languages.of(person.map(Person::language).orElse(addressee.languageHint()));
				NotificationPreferences preferences = chosen.computeIfAbsent(addressee.personId(), this.preferences::of);
				boolean muted = preferences.mutes(notice.listingId(), notice.conversationId());
				Rendering.Rendered rendered = this.rendering.render(notice, addressee, language);
				drafts.add(new Notification(id, addressee.personId(), 0, notice.kind(), notice.category(),
						rendered.title(), rendered.body(), notice.link(), notice.listingId(), notice.conversationId(),
						now, muted ? now : null));
				told.put(id, new Told(notice, person, language, preferences,
						!inAppOnly.contains(addressee.personId()) && !muted));
			}
		}
		if (drafts.isEmpty()) {
			return List.of();
		}
		List<Notification> stored = this.inbox.addAll(drafts);
		this.sent.inApp(stored.size());
		this.live.stored(stored);
		Map<String, String> tokens = new HashMap<>();
		for (Notification notification : stored) {
			mailIfAsked(notification, told.get(notification.id()), tokens);
		}
		return stored;
	}

	private void mailIfAsked(Notification notification, Told told, Map<String, String> tokens) {
		String email = told.person().map(Person::email).orElse(null);
		boolean suppressed = this.mailProperties.suppressedCategories().contains(notification.category().name());
		if (told.mayMail() && !suppressed && email != null
				&& told.preferences().allows(notification.category(), Channel.EMAIL)) {
			Person person = told.person().get();
			// one unsubscribe token per person and category within a batch: its e-mails are as old as one another
			String token = tokens.computeIfAbsent(person.id() + "|" + notification.category(),
					(key) -> this.unsubscribeTokens.issue(person.id(), notification.category()));
			if (this.mail.enqueue(mail(notification, person, email, told.language(), told.preferences().dailyDigest(),
					token))) {
				this.sent.email(1);
			}
		}
	}

	private OutgoingMail mail(Notification notification, Person person, String email, String language, boolean digest,
			String token) {
		Locale locale = Rendering.locale(language);
		String base = this.mailProperties.publicUrl();
		String oneClick = base + "/api/notifications/unsubscribe/" + token;
		String preferencesPage = base + WebPaths.PREFERENCES + "?unsubscribe=" + token;
		String link = base + notification.link();
		String name = (person.displayName() != null) ? person.displayName() : "";
		String category = this.rendering.text("category." + notification.category().name(), locale);
		String greeting = this.rendering.text("mail.greeting", locale, name);
		String open = this.rendering.text("mail.open", locale);
		String why = this.rendering.text("mail.why", locale, category);
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(greeting);
		paragraphs.addAll(List.of(notification.body().split("\n")));
		paragraphs.add(why);
		MailContent content = LAYOUT.layout(locale, notification.title(), paragraphs, link, open, preferencesPage);
		String text = content.text();
		String html = content.html();
		// the messages of one conversation to one person wait in one e-mail until it is sent
		String batch = (notification.conversationId() != null) ? notification.conversationId() + ":" + person.id() : null;
		return new OutgoingMail(notification.id(), email, language, notification.title(), text, html, oneClick, digest,
				batch);
	}

	/** What is known of one addressee of one notification while a batch is told. */
	private record Told(Notice notice, Optional<Person> person, String language, NotificationPreferences preferences,
			boolean mayMail) {
	}

}
