package org.mutualis.notifications.inbox.application;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.mail.MailQueue;
import org.mutualis.notifications.preferences.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes notifications older than the retention (12 months by default) once a night, once across instances, with
 * the e-mails done with and the unsubscribe tokens as old: the embedded store has no TTL index, so the service purges
 * itself.
 */
@Component
public class InboxPurge {

	private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

	private final Inbox inbox;

	private final MailQueue mail;

	private final UnsubscribeTokens tokens;

	private final Clock clock;

	private final Period retention;

	InboxPurge(Inbox inbox, MailQueue mail, UnsubscribeTokens tokens, Clock clock,
			@Value("${mutualis.notifications.retention:P12M}") Period retention) {
		this.inbox = inbox;
		this.mail = mail;
		this.tokens = tokens;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(cron = "${mutualis.notifications.purge-cron:0 30 3 * * *}")
	@SchedulerLock(name = "notifications-inbox-purge", lockAtLeastFor = "PT1M")
	void purge() {
		long purged = purgeDue(this.clock.instant());
		if (purged > 0) {
			log.info("purged {} notification(s) older than {}", purged, this.retention);
		}
	}

	/**
	 * Deletes what is older than the retention.
	 * @param now the current time
	 * @return how many notifications were deleted
	 */
	public long purgeDue(Instant now) {
		Instant limit = now.atOffset(ZoneOffset.UTC).minus(this.retention).toInstant();
		long mails = this.mail.purgeBefore(limit);
		long tokens = this.tokens.purgeBefore(limit);
		if (mails + tokens > 0) {
			log.info("purged {} e-mail(s) and {} unsubscribe token(s) older than {}", mails, tokens, this.retention);
		}
		return this.inbox.purgeBefore(limit);
	}

}
