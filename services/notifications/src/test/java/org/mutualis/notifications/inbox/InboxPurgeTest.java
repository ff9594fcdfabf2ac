package org.mutualis.notifications.inbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.bson.Document;

import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.inbox.application.InboxPurge;
import org.mutualis.notifications.mail.MailQueue;
import org.mutualis.notifications.preferences.Category;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class InboxPurgeTest extends NotificationsTestSupport {

	@Autowired
	private Inbox inbox;

	@Autowired
	private InboxPurge purge;

	@Test
	void notificationsOlderThanTwelveMonthsArePurgedAndNewerOnesKept() {
		Instant now = Instant.parse("2027-06-15T03:30:00Z");
		Instant thirteenMonths = now.atOffset(ZoneOffset.UTC).minusMonths(13).toInstant();
		Instant elevenMonths = now.atOffset(ZoneOffset.UTC).minusMonths(11).toInstant();
		add("old-" + this.requester, thirteenMonths);
		add("recent-" + this.requester, elevenMonths);
		assertThat(this.purge.purgeDue(now)).isGreaterThanOrEqualTo(1);
		assertThat(this.inbox.exists("old-" + this.requester)).isFalse();
		assertThat(this.inbox.exists("recent-" + this.requester)).isTrue();
		// numbering goes on after the highest kept
		assertThat(add("next-" + this.requester, now).sequence()).isEqualTo(3);
		// e-mails done with and unsubscribe tokens as old go too; what is still to send stays
		String sent = "sent-" + this.requester;
		String pending = "pending-" + this.requester;
		this.mongo.insert(new Document("_id", sent).append("status", MailQueue.SENT).append("createdAt", Date.from(thirteenMonths)),
				MailQueue.COLLECTION);
		this.mongo.insert(new Document("_id", pending).append("status", MailQueue.PENDING)
			.append("createdAt", Date.from(thirteenMonths)), MailQueue.COLLECTION);
		this.purge.purgeDue(now);
		assertThat(this.mongo.findById(sent, Document.class, MailQueue.COLLECTION)).isNull();
		assertThat(this.mongo.findById(pending, Document.class, MailQueue.COLLECTION)).isNotNull();
	}

	private Notification add(String id, Instant at) {
		return this.inbox.add(new Notification(id, this.requester, 0, "booking.confirmed", Category.BOOKINGS, "t", "b",
				"/bookings/x", null, null, at, null)).orElseThrow();
	}

}
