package org.mutualis.notifications.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.inbox.messaging.BookingEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MailTest extends NotificationsTestSupport {

	@Autowired
	private BookingEvents events;

	@Autowired
	private MailQueue queue;

	@Autowired
	private org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> senders;


	@Test
	void aNotificationGoesOutOnceAsHtmlAndTextInTheRecipientsLanguageWithAnUnsubscribeHeader() throws Exception {
		String requested = bookingEvent("requested", Map.of());
		this.events.apply(requested);
		this.events.apply(requested);
		String to = this.ownerManager + "@lephare.test";
		assertThat(this.queue.sendDue(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
		this.queue.sendDue(Instant.now().plusSeconds(2));
		MimeMessage[] received = java.util.Arrays.stream(SMTP.getReceivedMessages())
			.filter((message) -> recipient(message).equals(to))
			.toArray(MimeMessage[]::new);
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo("Nouvelle demande de réservation : Salle polyvalente du Phare");
		assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("fr-CA");
		String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
		assertThat(unsubscribe).startsWith("<http://localhost:8080/api/notifications/unsubscribe/");
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String text = part(mail, "text/plain");
		String html = part(mail, "text/html");
		assertThat(text).contains("Bonjour Gestion Le Phare,").contains("/bookings/").contains("Ne plus recevoir");
		assertThat(html).contains("<html lang=\"fr-CA\">").contains("Coopérative La Ruche demande « Salle polyvalente du Phare »")
			.contains("/notifications/preferences?unsubscribe=");
		// the one-click unsubscribe stops e-mail of that category only
		Matcher token = Pattern.compile("/unsubscribe/([A-Za-z0-9_-]+)>").matcher(unsubscribe);
		assertThat(token.find()).isTrue();
		this.mvc.perform(post("/api/notifications/unsubscribe/" + token.group(1))).andExpect(status().isOk());
		this.mvc.perform(get("/api/notifications/preferences").with(as(this.ownerManager, this.owner, "MANAGER")))
			.andExpect(jsonPath("$.categories.BOOKINGS.email").value(false))
			.andExpect(jsonPath("$.categories.REMINDERS.email").value(true));
		this.mvc.perform(post("/api/notifications/unsubscribe/not-a-token")).andExpect(status().isNotFound());
	}

	@Test
	void aFailedSendIsRetriedWithAGrowingWaitThenGivenUp() {
		JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
		nowhere.setHost("127.0.0.1");
		nowhere.setPort(1);
		org.mutualis.platform.mail.MailProperties threeTries = new org.mutualis.platform.mail.MailProperties(
				org.mutualis.platform.mail.MailProperties.Mode.smtp, java.nio.file.Path.of("unused"),
				"Mutualis <test@mutualis.test>", Duration.ofSeconds(30), Duration.ofHours(1), 3, 10, Duration.ofSeconds(5),
				Duration.ofMinutes(5));
		org.springframework.beans.factory.support.StaticListableBeanFactory senders = new org.springframework.beans.factory.support.StaticListableBeanFactory();
		senders.addBean("nowhere", nowhere);
		io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
		org.mutualis.platform.mail.MailQueue failing = new org.mutualis.platform.mail.MailQueue(this.mongo,
				senders.getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class), threeTries,
				Clock.systemUTC(), meters);
		String id = "retry-" + this.listing;
		failing.enqueue(new org.mutualis.platform.mail.OutgoingMail(id, "x@example.test", "fr", "Sujet", "texte",
				"<p>texte</p>", "http://localhost/u", false, null));
		Instant start = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		assertThat(failing.sendDue(start)).isZero();
		Document first = mail(id);
		assertThat(first.getString("status")).isEqualTo(MailQueue.PENDING);
		assertThat(first.getInteger("attempts")).isEqualTo(1);
		assertThat(first.getDate("nextAttemptAt").toInstant()).isEqualTo(start.plusSeconds(30));
		// not due again before its wait is over; then retried from what the queue keeps in hand, without reading
		// the stored queue
		assertThat(failing.sendReady(start.plusSeconds(29))).isZero();
		assertThat(failing.sendDue(start.plusSeconds(29))).isZero();
		assertThat(mail(id).getInteger("attempts")).isEqualTo(1);
		failing.sendReady(start.plusSeconds(30));
		assertThat(mail(id).getInteger("attempts")).isEqualTo(2);
		assertThat(mail(id).getDate("nextAttemptAt").toInstant()).isEqualTo(start.plusSeconds(90));
		failing.sendDue(start.plusSeconds(90));
		Document given = mail(id);
		assertThat(given.getString("status")).isEqualTo(MailQueue.FAILED);
		assertThat(given.getInteger("attempts")).isEqualTo(3);
		assertThat(given.getString("lastError")).isNotBlank();
		assertThat(meters.get("mutualis.mail.failures").tag("final", "false").counter().count()).isEqualTo(2);
		assertThat(meters.get("mutualis.mail.failures").tag("final", "true").counter().count()).isEqualTo(1);
		// the real sender now delivers what was kept: a failed message can be put back by hand
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new org.springframework.data.mongodb.core.query.Update().set("status", MailQueue.PENDING), MailQueue.COLLECTION);
		assertThat(this.queue.sendDue(start.plusSeconds(4000))).isGreaterThanOrEqualTo(1);
		assertThat(mail(id).getString("status")).isEqualTo(MailQueue.SENT);
	}

	@Test
	void whatAnInstanceQueuedGoesOutFromItsHandAndAnotherInstanceSendsWhatItFindsOnceOnly() throws Exception {
		org.mutualis.platform.mail.MailProperties properties = new org.mutualis.platform.mail.MailProperties(
				org.mutualis.platform.mail.MailProperties.Mode.smtp, java.nio.file.Path.of("unused"),
				"Mutualis <test@mutualis.test>", Duration.ofSeconds(30), Duration.ofHours(1), 3, 10, Duration.ofSeconds(5),
				Duration.ofMinutes(5));
		org.mutualis.platform.mail.MailQueue first = platformQueue(properties);
		org.mutualis.platform.mail.MailQueue second = platformQueue(properties);
		String to = "hand-" + this.listing + "@example.test";
		first.enqueue(new org.mutualis.platform.mail.OutgoingMail("hand-" + this.listing, to, "en", "In hand", "text",
				"<p>text</p>", null, false, null));
		assertThat(first.inHand()).isEqualTo(1);
		assertThat(second.inHand()).isZero();
		// the second instance sends only what it has in hand: nothing, until it reads the stored queue
		assertThat(second.sendReady(Instant.now().plusSeconds(1))).isZero();
		assertThat(second.sendDue(Instant.now().plusSeconds(1))).isEqualTo(1);
		// the first one still had it in hand: its claim fails, nothing is sent twice
		assertThat(first.sendReady(Instant.now().plusSeconds(1))).isZero();
		assertThat(first.inHand()).isZero();
		assertThat(mail("hand-" + this.listing).getString("status")).isEqualTo(MailQueue.SENT);
		// a message the first instance queued goes out from its hand, without a read of the stored queue
		first.enqueue(new org.mutualis.platform.mail.OutgoingMail("hand2-" + this.listing, to, "en", "In hand too",
				"text", "<p>text</p>", null, false, null));
		assertThat(first.sendReady(Instant.now().plusSeconds(1))).isEqualTo(1);
		assertThat(java.util.Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> recipient(message).equals(to)))
			.hasSize(2);
		// a held message waits for its digest, in no one's hand
		first.enqueue(new org.mutualis.platform.mail.OutgoingMail("held-" + this.listing, to, "en", "Held", "text",
				"<p>text</p>", null, true, null));
		assertThat(first.inHand()).isZero();
	}

	private org.mutualis.platform.mail.MailQueue platformQueue(org.mutualis.platform.mail.MailProperties properties) {
		return new org.mutualis.platform.mail.MailQueue(this.mongo, this.senders, properties, Clock.systemUTC(),
				new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
	}

	@Test
	void aDigestFoldsTheDaysMessagesIntoOne() throws Exception {
		String person = this.requester;
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/notifications/preferences")
			.with(as(person, this.borrower, "MEMBER"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"categories\":{},\"dailyDigest\":true,\"mutedListings\":[],\"mutedConversations\":[]}"))
			.andExpect(status().isOk());
		this.events.apply(bookingEvent("confirmed", Map.of("bookingId", "d1-" + this.listing)));
		this.events.apply(bookingEvent("completed", Map.of("bookingId", "d2-" + this.listing)));
		String to = person + "@laruche.test";
		this.queue.sendDue(Instant.now().plusSeconds(1));
		assertThat(this.mongo.count(Query.query(Criteria.where("to").is(to).and("status").is(MailQueue.SENT)),
				MailQueue.COLLECTION)).isZero();
		assertThat(this.queue.foldDigests(Instant.now(), java.time.ZoneId.of("America/Toronto"))).isGreaterThanOrEqualTo(1);
		this.queue.sendDue(Instant.now().plusSeconds(2));
		Document digest = this.mongo.findOne(Query.query(Criteria.where("to").is(to).and("_id").regex("^digest:")), Document.class,
				MailQueue.COLLECTION);
		assertThat(digest).isNotNull();
		assertThat(digest.getString("status")).isEqualTo(MailQueue.SENT);
		assertThat(digest.getString("subject")).startsWith("Mutualis: your digest of");
		assertThat(digest.getString("text")).contains("Booking confirmed").contains("How did your booking");
		assertThat(this.mongo.count(Query.query(Criteria.where("to").is(to).and("status").is(MailQueue.DIGESTED)),
				MailQueue.COLLECTION)).isEqualTo(2);
	}

	private Document mail(String id) {
		return this.mongo.findById(id, Document.class, MailQueue.COLLECTION);
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String part(MimeMessage message, String type) throws Exception {
		return find(message.getContent(), type);
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return (String) part.getContent();
				}
				String inner = find(part.getContent(), type);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

}
