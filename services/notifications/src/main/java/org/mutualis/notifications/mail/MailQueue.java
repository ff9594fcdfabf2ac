package org.mutualis.notifications.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The stored queue of outgoing e-mail ({@value #COLLECTION}): a message is written once (its id is the
 * notification's), sent by the sending job, retried with a doubling wait when the server refuses or is away, and
 * given up after the last try. Messages of people who chose the daily digest wait for the digest job, which sends
 * one e-mail per person with all of them.
 */
@Component
public class MailQueue {

	/** Collection of the queue. */
	public static final String COLLECTION = "mail_queue";

	/** Waiting to be sent (or to be retried at {@code nextAttemptAt}). */
	public static final String PENDING = "PENDING";

	/** Sent. */
	public static final String SENT = "SENT";

	/** Given up after the last try. */
	public static final String FAILED = "FAILED";

	/** Folded into a daily digest, which is sent as a message of its own. */
	public static final String DIGESTED = "DIGESTED";

	private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

	private final MongoTemplate mongo;

	private final JavaMailSender sender;

	private final MailProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	MailQueue(MongoTemplate mongo, JavaMailSender sender, MailProperties properties, MessageSource messages,
			Clock clock) {
		this.mongo = mongo;
		this.sender = sender;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
	}

	/**
	 * Puts a message in the queue unless one with its id is there already, or one of its batch is still waiting.
	 * @param mail the message
	 * @return whether it was added
	 */
	public boolean enqueue(OutgoingMail mail) {
		Instant now = this.clock.instant();
		if (mail.batchKey() != null && this.mongo.exists(
				Query.query(Criteria.where("batchKey").is(mail.batchKey()).and("status").is(PENDING)), COLLECTION)) {
			return false;
		}
		try {
			this.mongo.insert(new Document("_id", mail.id()).append("to", mail.to())
				.append("language", mail.language())
				.append("subject", mail.subject())
				.append("text", mail.text())
				.append("html", mail.html())
				.append("unsubscribeUrl", mail.unsubscribeUrl())
				.append("digest", mail.digest())
				.append("batchKey", mail.batchKey())
				.append("status", PENDING)
				.append("attempts", 0)
				.append("createdAt", Date.from(now))
				.append("nextAttemptAt", Date.from(now)), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Sends the messages due now (not those waiting for a digest), each at most once: a message is claimed by
	 * moving its next try ahead before it is sent.
	 * @param now the current time
	 * @return how many were sent
	 */
	public int sendDue(Instant now) {
		int sent = 0;
		for (int i = 0; i < this.properties.batchSize(); i++) {
			Document mail = this.mongo.findAndModify(
					Query.query(Criteria.where("status").is(PENDING).and("digest").is(false).and("nextAttemptAt")
						.lte(Date.from(now))).with(Sort.by("nextAttemptAt")),
					new Update().set("nextAttemptAt", Date.from(now.plus(this.properties.maxRetryDelay()))),
					FindAndModifyOptions.options().returnNew(false), Document.class, COLLECTION);
			if (mail == null) {
				break;
			}
			if (send(mail, now)) {
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Folds every message waiting for a digest into one e-mail per recipient, written in the language of their
	 * latest message, and queues it to go at once.
	 * @param now the current time
	 * @param zone the zone whose date names the digest
	 * @return how many digests were queued
	 */
	public int foldDigests(Instant now, ZoneId zone) {
		List<Document> waiting = this.mongo.find(
				Query.query(Criteria.where("status").is(PENDING).and("digest").is(true)).with(Sort.by("createdAt")),
				Document.class, COLLECTION);
		Map<String, List<Document>> byRecipient = new LinkedHashMap<>();
		for (Document mail : waiting) {
			byRecipient.computeIfAbsent(mail.getString("to"), (to) -> new ArrayList<>()).add(mail);
		}
		LocalDate day = LocalDate.ofInstant(now, zone);
		int digests = 0;
		for (Map.Entry<String, List<Document>> entry : byRecipient.entrySet()) {
			List<Document> mails = entry.getValue();
			Document last = mails.get(mails.size() - 1);
			Locale locale = "en".equals(last.getString("language")) ? Locale.ENGLISH : Locale.CANADA_FRENCH;
			StringBuilder text = new StringBuilder(message("mail.digest.intro", locale, mails.size())).append("\n\n");
			StringBuilder html = new StringBuilder("<p>").append(HtmlUtils.htmlEscape(message("mail.digest.intro", locale,
					mails.size()))).append("</p>");
			for (Document mail : mails) {
				text.append("— ").append(mail.getString("subject")).append('\n').append(mail.getString("text")).append("\n\n");
				html.append("<hr>").append(mail.getString("html"));
			}
			String id = "digest:" + entry.getKey() + ":" + day;
			boolean queued = enqueue(new OutgoingMail(id, entry.getKey(), last.getString("language"),
					message("mail.digest.subject", locale, day.toString()), text.toString(), html.toString(),
					last.getString("unsubscribeUrl"), false, null));
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(mails.stream().map((m) -> m.get("_id")).toList())),
					new Update().set("status", DIGESTED).set("digestId", id), COLLECTION);
			if (queued) {
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
		return this.mongo
			.remove(Query.query(Criteria.where("status").in(SENT, FAILED, DIGESTED).and("createdAt").lt(Date.from(before))),
					COLLECTION)
			.getDeletedCount();
	}

	private boolean send(Document mail, Instant now) {
		int attempts = mail.getInteger("attempts", 0) + 1;
		try {
			this.sender.send(toMime(mail));
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.get("_id"))),
					new Update().set("status", SENT).set("attempts", attempts).set("sentAt", Date.from(now)), COLLECTION);
			return true;
		}
		catch (RuntimeException | jakarta.mail.MessagingException ex) {
			boolean last = attempts >= this.properties.maxAttempts();
			log.warn("e-mail {} to {} failed (try {} of {}): {}", mail.get("_id"), mail.getString("to"), attempts,
					this.properties.maxAttempts(), ex.getMessage());
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.get("_id"))),
					new Update().set("status", last ? FAILED : PENDING)
						.set("attempts", attempts)
						.set("lastError", String.valueOf(ex.getMessage()))
						.set("nextAttemptAt", Date.from(now.plus(this.properties.retryDelay(attempts)))),
					COLLECTION);
			return false;
		}
	}

	private MimeMessage toMime(Document mail) throws jakarta.mail.MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(this.properties.from());
		helper.setTo(mail.getString("to"));
		helper.setSubject(mail.getString("subject"));
		helper.setText(mail.getString("text"), mail.getString("html"));
		message.setHeader("Content-Language", mail.getString("language"));
		message.setHeader("List-Unsubscribe", "<" + mail.getString("unsubscribeUrl") + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
