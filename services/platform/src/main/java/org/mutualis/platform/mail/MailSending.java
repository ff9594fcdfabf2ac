package org.mutualis.platform.mail;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The jobs that send e-mail: every {@code mutualis.mail.send-every}, what this instance has in hand (what it queued
 * and its retries; each message claimed before it is sent, so every instance does this); every
 * {@code mutualis.mail.scan-every}, on one instance per tick, a read of the stored queue for what no instance has in
 * hand (queued before a restart, or by an instance that stopped).
 */
class MailSending {

	private static final Logger log = LoggerFactory.getLogger(MailSending.class);

	private final MailQueue queue;

	private final Clock clock;

	MailSending(MailQueue queue, Clock clock) {
		this.queue = queue;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mutualis.mail.send-every:PT0.5S}")
	void sendReady() {
		int sent = this.queue.sendReady(this.clock.instant());
		if (sent > 0) {
			log.debug("sent {} e-mail(s)", sent);
		}
	}

	@Scheduled(fixedDelayString = "${mutualis.mail.scan-every:PT5M}")
	@SchedulerLock(name = "mail-send", lockAtLeastFor = "PT1S")
	void scan() {
		int sent = this.queue.sendDue(this.clock.instant());
		if (sent > 0) {
			log.info("sent {} e-mail(s) found in the stored queue", sent);
		}
	}

}
