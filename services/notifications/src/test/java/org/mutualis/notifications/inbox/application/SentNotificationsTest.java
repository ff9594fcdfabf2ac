package org.mutualis.notifications.inbox.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.inbox.Addressee;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.NewNotifications;
import org.mutualis.notifications.inbox.Notice;
import org.mutualis.notifications.mail.MailProperties;
import org.mutualis.notifications.mail.MailQueue;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.notifications.preferences.Preferences;
import org.mutualis.notifications.preferences.UnsubscribeTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mutualis.notifications.sent} counts, by channel, what was told now: a redelivery counts nothing. */
class SentNotificationsTest extends NotificationsTestSupport {

	@Autowired
	private Inbox inbox;

	@Autowired
	private Preferences preferences;

	@Autowired
	private UnsubscribeTokens tokens;

	@Autowired
	private Rendering rendering;

	@Autowired
	private MailQueue mail;

	@Autowired
	private MailProperties mailProperties;

	@Autowired
	private NewNotifications live;

	@Autowired
	private Clock clock;

	@Test
	void inboxWritesAndQueuedEmailsAreCountedOnceEach() {
		MeterRegistry meters = new SimpleMeterRegistry();
		Notifying notifying = new Notifying(this.inbox, this.people, this.preferences, this.tokens, this.rendering,
				this.mail, this.mailProperties, this.live, this.clock, meters);
		Notice first = notice();
		Notice second = notice();
		assertThat(notifying.tellAll(List.of(first, second))).hasSize(4);
		assertThat(notifying.tellAll(List.of(first, second))).isEmpty();
		assertThat(sent(meters, "in-app")).isEqualTo(4.0);
		assertThat(sent(meters, "e-mail")).isEqualTo(4.0);
		assertThat(sent(meters, "push")).isZero();
	}

	private Notice notice() {
		return new Notice(UUID.randomUUID().toString(), "booking.confirmed", Category.BOOKINGS,
				List.of(new Addressee(this.requester, "Centre communautaire Le Phare", "en"),
						new Addressee(this.ownerManager, "Coopérative La Ruche", "fr")),
				"/bookings/" + UUID.randomUUID(), this.listing, null, Map.of("fr", "Salle", "en", "Room"),
				LocalDateTime.parse("2026-12-01T10:00"), LocalDateTime.parse("2026-12-01T12:00"),
				ZoneId.of("America/Toronto"), null, Instant.now(), null);
	}

	private static double sent(MeterRegistry meters, String channel) {
		return meters.get(SentNotifications.NAME).tag("channel", channel).counter().count();
	}

}
