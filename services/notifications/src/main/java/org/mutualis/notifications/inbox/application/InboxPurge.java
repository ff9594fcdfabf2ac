package org.mutualis.notifications.inbox.application;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.mutualis.notifications.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes notifications older than the retention (12 months by default) once a night, once across instances: the
 * embedded store has no TTL index, so the service purges itself.
 */
@Component
public class InboxPurge {

	private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);

	private final Inbox inbox;

	private final Clock clock;

	private final Period retention;

	InboxPurge(Inbox inbox, Clock clock, @Value("${mutualis.notifications.retention:P12M}") Period retention) {
		this.inbox = inbox;
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
		return this.inbox.purgeBefore(limit);
	}

}
