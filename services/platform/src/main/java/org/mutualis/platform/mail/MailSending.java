package org.mutualis.platform.mail;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/** The job that sends what the mail queue holds, every {@code mutualis.mail.send-every}, on one instance per tick. */
class MailSending {

	private static final Logger log = LoggerFactory.getLogger(MailSending.class);

	private final MailQueue queue;

	private final Clock clock;

	MailSending(MailQueue queue, Clock clock) {
		this.queue = queue;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${mutualis.mail.send-every:PT5S}")
	@SchedulerLock(name = "mail-send", lockAtLeastFor = "PT1S")
	void send() {
		int sent = this.queue.sendDue(this.clock.instant());
		if (sent > 0) {
			log.info("sent {} e-mail(s)", sent);
		}
	}

}
