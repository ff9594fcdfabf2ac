package org.mutualis.notifications.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Notifications' e-mails in the platform's stored mail queue ({@link org.mutualis.platform.mail.MailQueue}, which
 * sends, retries with backoff and gives up): a message is queued once under its notification's id; one of a person
 * who chose the daily digest is held until the digest job folds the day's messages into one e-mail per person.
 */
@Component("notificationsMailQueue")
public class MailQueue {

	/** Collection of the queue (the platform's). */
	public static final String COLLECTION = org.mutualis.platform.mail.MailQueue.COLLECTION;

	/** Waiting to be sent (or to be retried). */
	public static final String PENDING = org.mutualis.platform.mail.MailQueue.PENDING;

	/** Sent. */
	public static final String SENT = org.mutualis.platform.mail.MailQueue.SENT;

	/** Given up after the last try. */
	public static final String FAILED = org.mutualis.platform.mail.MailQueue.FAILED;

	/** Folded into a daily digest, which is sent as a message of its own. */
	public static final String DIGESTED = org.mutualis.platform.mail.MailQueue.FOLDED;

	private final org.mutualis.platform.mail.MailQueue queue;

	private final MessageSource messages;

	MailQueue(org.mutualis.platform.mail.MailQueue queue, MessageSource messages, MongoTemplate mongo) {
		this.queue = queue;
		this.messages = messages;
		// messages queued before the queue moved to the platform: "digest" is now "held", DIGESTED is FOLDED
		mongo.updateMulti(Query.query(Criteria.where("held").exists(false).and("digest").is(true)),
				new Update().set("held", true), COLLECTION);
		mongo.updateMulti(Query.query(Criteria.where("held").exists(false)), new Update().set("held", false), COLLECTION);
		mongo.updateMulti(Query.query(Criteria.where("status").is("DIGESTED")), new Update().set("status", DIGESTED),
				COLLECTION);
	}

	/**
	 * Puts a message in the queue unless one with its id is there already, or one of its batch is still waiting.
	 * @param mail the message
	 * @return whether it was added
	 */
	public boolean enqueue(OutgoingMail mail) {
		return this.queue.enqueue(new org.mutualis.platform.mail.OutgoingMail(mail.id(), mail.to(), mail.language(),
				mail.subject(), mail.text(), mail.html(), mail.unsubscribeUrl(), mail.digest(), mail.batchKey()));
	}

	/**
	 * Sends the messages due now (the platform's sending job does this on its own every few seconds).
	 * @param now the current time
	 * @return how many were sent
	 */
	public int sendDue(Instant now) {
		return this.queue.sendDue(now);
	}

	/**
	 * Folds every message waiting for a digest into one e-mail per recipient, written in the language of their
	 * latest message, and queues it to go at once; one digest per person and day.
	 * @param now the current time
	 * @param zone the zone whose date names the digest
	 * @return how many digests were queued
	 */
	public int foldDigests(Instant now, ZoneId zone) {
		Map<String, List<org.mutualis.platform.mail.OutgoingMail>> byRecipient = new LinkedHashMap<>();
		for (org.mutualis.platform.mail.OutgoingMail mail : this.queue.held()) {
			byRecipient.computeIfAbsent(mail.to(), (to) -> new ArrayList<>()).add(mail);
		}
		LocalDate day = LocalDate.ofInstant(now, zone);
		int digests = 0;
		for (Map.Entry<String, List<org.mutualis.platform.mail.OutgoingMail>> entry : byRecipient.entrySet()) {
			List<org.mutualis.platform.mail.OutgoingMail> mails = entry.getValue();
			org.mutualis.platform.mail.OutgoingMail last = mails.get(mails.size() - 1);
			Locale locale = "en".equals(last.language()) ? Locale.ENGLISH : Locale.CANADA_FRENCH;
			String intro = message("mail.digest.intro", locale, mails.size());
			StringBuilder text = new StringBuilder(intro).append("\n\n");
			StringBuilder html = new StringBuilder("<p>").append(HtmlUtils.htmlEscape(intro)).append("</p>");
			for (org.mutualis.platform.mail.OutgoingMail mail : mails) {
				// each message's text starts with its subject
				text.append("— ").append(mail.text()).append("\n\n");
				html.append("<hr>").append(mail.html());
			}
			org.mutualis.platform.mail.OutgoingMail digest = new org.mutualis.platform.mail.OutgoingMail(
					"digest:" + entry.getKey() + ":" + day, entry.getKey(), last.language(),
					message("mail.digest.subject", locale, day.toString()), text.toString(), html.toString(),
					last.unsubscribeUrl(), false, null);
			if (this.queue.fold(mails.stream().map(org.mutualis.platform.mail.OutgoingMail::id).toList(), digest)) {
				digests++;
			}
		}
		return digests;
	}

	/**
	 * Deletes the messages done with (sent, given up or folded into a digest) that were queued before a time.
	 * @param before the limit
	 * @return how many were deleted
	 */
	public long purgeBefore(Instant before) {
		return this.queue.purgeBefore(before);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
