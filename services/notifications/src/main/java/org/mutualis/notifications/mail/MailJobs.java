package org.mutualis.notifications.mail;

import java.time.Clock;
import java.time.ZoneId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the daily digests once a day, on one instance per tick; the platform's sending job sends them with the rest
 * of the queue.
 */
@Component
class MailJobs {

	private static final Logger log = LoggerFactory.getLogger(MailJobs.class);

	private final MailQueue queue;

	private final Clock clock;

	private final ZoneId zone;

	MailJobs(MailQueue queue, Clock clock, @Value("${mutualis.mail.digest-zone:America/Toronto}") String zone) {
		this.queue = queue;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Scheduled(cron = "${mutualis.mail.digest-cron:0 0 7 * * *}", zone = "${mutualis.mail.digest-zone:America/Toronto}")
	@SchedulerLock(name = "notifications-mail-digest", lockAtLeastFor = "PT1M")
	void digest() {
		int digests = this.queue.foldDigests(this.clock.instant(), this.zone);
		if (digests > 0) {
			log.info("queued {} daily digest(s)", digests);
		}
	}

}
