package org.mutualis.platform.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
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

/**
 * The stored queue of a service's outgoing e-mail (collection {@value #COLLECTION} of its own database): a message
 * is written once under its id, claimed by one sender at a time (its next try is moved ahead by a conditional
 * update before it is sent), retried with a doubling wait when the server refuses or is away, and given up after the
 * last try. Held messages wait to be folded into another one (a digest). Counts {@code mutualis.mail.sent} and
 * {@code mutualis.mail.failures} (tagged {@code final} when the message is given up).
 * <p>
 * What this instance queued, and its own retries, it keeps in hand by when they are due and sends by {@code _id}
 * ({@link #sendReady}): the stored queue is only read ({@link #sendDue}) for what no instance has in hand, such as
 * messages queued before a restart. On the embedded store, which uses unique indexes only, that read is a scan of the
 * whole collection, sent messages included, and the collection is locked while it runs: every insert waits for it,
 * and with it the event consumer that queues the message.
 */
public class MailQueue {

	/** Collection of the queue. */
	public static final String COLLECTION = "mail_queue";

	/** Waiting to be sent (or to be retried at {@code nextAttemptAt}). */
	public static final String PENDING = "PENDING";

	/** Sent. */
	public static final String SENT = "SENT";

	/** Given up after the last try. */
	public static final String FAILED = "FAILED";

	/** Folded into another message, which is sent in its place. */
	public static final String FOLDED = "FOLDED";

	private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

	/** Most messages an instance keeps in hand. */
	static final int IN_HAND = 100_000;

	private final MongoTemplate mongo;

	private final ObjectProvider<JavaMailSender> sender;

	private final MailProperties properties;

	private final Clock clock;

	private final Counter sent;

	private final Counter retried;

	private final Counter givenUp;

	/** What this instance queued or must retry, earliest first: {@code _id} and the {@code nextAttemptAt} written. */
	private final PriorityBlockingQueue<Ready> ready = new PriorityBlockingQueue<>(64,
			Comparator.comparing(Ready::at));

	/**
	 * Creates the queue and its indexes.
	 * @param mongo the service's database
	 * @param sender what sends (SMTP or folder), looked up at each send
	 * @param properties retry settings and sender address
	 * @param clock the clock
	 * @param meters where the counters go
	 */
	public MailQueue(MongoTemplate mongo, ObjectProvider<JavaMailSender> sender, MailProperties properties, Clock clock,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
		this.sent = Counter.builder("mutualis.mail.sent").description("E-mails handed to the mail server").register(meters);
		this.retried = Counter.builder("mutualis.mail.failures")
			.description("Failed tries to send an e-mail")
			.tag("final", "false")
			.register(meters);
		this.givenUp = Counter.builder("mutualis.mail.failures")
			.description("Failed tries to send an e-mail")
			.tag("final", "true")
			.register(meters);
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION).createIndex(new Index().on("batchKey", Sort.Direction.ASC));
		// the claim's filter, exactly: the embedded store answers a query from an index only when the query names
		// exactly the index's fields, and scanned the whole queue (sent messages included) for every claim before
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("_id", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).unique());
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
		Date due = Date.from(now);
		try {
			this.mongo.insert(new Document("_id", mail.id()).append("to", mail.to())
				.append("language", mail.language())
				.append("subject", mail.subject())
				.append("text", mail.text())
				.append("html", mail.html())
				.append("unsubscribeUrl", mail.unsubscribeUrl())
				.append("held", mail.held())
				.append("batchKey", mail.batchKey())
				.append("status", PENDING)
				.append("attempts", 0)
				.append("createdAt", Date.from(now))
				.append("nextAttemptAt", due), COLLECTION);
			if (!mail.held()) {
				keepInHand(new Ready(mail.id(), due));
			}
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Reads the stored queue for the messages due now (not the held ones), at most {@code batch-size} of them, takes
	 * them in hand and sends what is in hand and due, each by one sender only.
	 * @param now the current time
	 * @return how many were sent
	 */
	public int sendDue(Instant now) {
		// one query for the due ids; each is then claimed by its _id: a claim by the due condition itself was a scan
		// of the whole collection per message on the embedded store
		Query due = Query.query(Criteria.where("status").is(PENDING).and("held").is(false).and("nextAttemptAt")
			.lte(Date.from(now))).with(Sort.by("nextAttemptAt")).limit(this.properties.batchSize());
		due.fields().include("_id").include("nextAttemptAt");
		for (Document candidate : this.mongo.find(due, Document.class, COLLECTION)) {
			keepInHand(new Ready(candidate.getString("_id"), candidate.getDate("nextAttemptAt")));
		}
		return sendReady(now);
	}

	/**
	 * Sends the messages this instance has in hand that are due now, without reading the stored queue: what it
	 * queued, its retries and what {@link #sendDue} found. Each is claimed first, so that a message another
	 * instance took meanwhile is left to it.
	 * @param now the current time
	 * @return how many were sent
	 */
	public int sendReady(Instant now) {
		Date limit = Date.from(now);
		List<Ready> due = new ArrayList<>();
		for (Ready next = this.ready.poll(); next != null; next = this.ready.poll()) {
			if (next.at().after(limit)) {
				this.ready.add(next);
				break;
			}
			due.add(next);
		}
		int count = 0;
		for (Ready next : due) {
			// claimed only if nobody claimed or sent it since: its next try is still the one in hand (every claim and
			// every failure moves it); filtered by exactly {_id, nextAttemptAt}, which its unique index answers
			Document mail = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(next.id()).and("nextAttemptAt").is(next.at())),
					new Update().set("nextAttemptAt", Date.from(now.plus(this.properties.maxRetryDelay()))),
					FindAndModifyOptions.options().returnNew(false), Document.class, COLLECTION);
			// sent, given up or folded meanwhile: nothing to send (its next try does not matter any more)
			if (mail != null && PENDING.equals(mail.getString("status")) && send(mail, now)) {
				count++;
			}
		}
		return count;
	}

	/** @return how many messages this instance has in hand (queued or to retry) */
	public int inHand() {
		return this.ready.size();
	}

	/**
	 * The held messages, oldest first.
	 * @return them
	 */
	public List<OutgoingMail> held() {
		return this.mongo
			.find(Query.query(Criteria.where("status").is(PENDING).and("held").is(true)).with(Sort.by("createdAt")),
					Document.class, COLLECTION)
			.stream()
			.map(MailQueue::toMail)
			.toList();
	}

	/**
	 * Replaces held messages with one message that carries them (a digest): it is queued to go at once, and they are
	 * marked folded into it. Folding again with the same digest id queues nothing more.
	 * @param ids the held messages
	 * @param into the message that carries them
	 * @return whether the carrying message was queued now
	 */
	public boolean fold(Collection<String> ids, OutgoingMail into) {
		boolean queued = enqueue(into);
		this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("status").is(PENDING)),
				new Update().set("status", FOLDED).set("foldedInto", into.id()), COLLECTION);
		return queued;
	}

	/**
	 * Deletes the messages done with (sent, given up or folded) that were queued before a time.
	 * @param before the limit
	 * @return how many were deleted
	 */
	public long purgeBefore(Instant before) {
		return this.mongo
			.remove(Query.query(Criteria.where("status").in(SENT, FAILED, FOLDED).and("createdAt").lt(Date.from(before))),
					COLLECTION)
			.getDeletedCount();
	}

	/**
	 * The state of one message, for tests and operations.
	 * @param id the message's id
	 * @return its status ({@link #PENDING}, {@link #SENT}, {@link #FAILED}, {@link #FOLDED}), if it is queued
	 */
	public @Nullable String statusOf(String id) {
		Document mail = this.mongo.findById(id, Document.class, COLLECTION);
		return (mail != null) ? mail.getString("status") : null;
	}

	private boolean send(Document mail, Instant now) {
		int attempts = mail.getInteger("attempts", 0) + 1;
		Query self = Query.query(Criteria.where("_id").is(mail.get("_id")));
		try {
			JavaMailSender mailer = this.sender.getIfAvailable();
			if (mailer == null) {
				throw new IllegalStateException("no mail sender: set spring.mail.host, or mutualis.mail.mode=folder");
			}
			mailer.send(toMime(mailer, mail));
			this.mongo.updateFirst(self, new Update().set("status", SENT).set("attempts", attempts).set("sentAt",
					Date.from(this.clock.instant())), COLLECTION);
			this.sent.increment();
			return true;
		}
		catch (RuntimeException | MessagingException ex) {
			boolean last = attempts >= this.properties.maxAttempts();
			(last ? this.givenUp : this.retried).increment();
			log.warn("e-mail {} failed (try {} of {}{}): {}", mail.get("_id"), attempts, this.properties.maxAttempts(),
					last ? ", given up" : "", ex.getMessage());
			Date retry = Date.from(now.plus(this.properties.retryDelay(attempts)));
			this.mongo.updateFirst(self,
					new Update().set("status", last ? FAILED : PENDING)
						.set("attempts", attempts)
						.set("lastError", String.valueOf(ex.getMessage()))
						.set("nextAttemptAt", retry),
					COLLECTION);
			if (!last) {
				keepInHand(new Ready(mail.getString("_id"), retry));
			}
			return false;
		}
	}

	private MimeMessage toMime(JavaMailSender mailer, Document mail) throws MessagingException {
		MimeMessage message = mailer.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(this.properties.from());
		helper.setTo(mail.getString("to"));
		helper.setSubject(mail.getString("subject"));
		helper.setText(mail.getString("text"), mail.getString("html"));
		message.setHeader("Content-Language", "en".equals(mail.getString("language")) ? "en" : "fr-CA");
		message.setHeader("Auto-Submitted", "auto-generated");
		String unsubscribe = mail.getString("unsubscribeUrl");
		if (unsubscribe != null) {
			message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		return message;
	}

	private void keepInHand(Ready message) {
		// bounded: past this (a sender that does not run, a mail server away for long), the stored queue's read
		// finds the rest
		if (this.ready.size() < IN_HAND) {
			this.ready.add(message);
		}
	}

	/** A message in hand: its id and the next try its stored copy names. */
	private record Ready(String id, Date at) {
	}

	private static OutgoingMail toMail(Document mail) {
		return new OutgoingMail(mail.getString("_id"), mail.getString("to"), mail.getString("language"),
				mail.getString("subject"), mail.getString("text"), mail.getString("html"), mail.getString("unsubscribeUrl"),
				mail.getBoolean("held", false), mail.getString("batchKey"));
	}

}
