package org.mutualis.notifications.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.platform.events.Topics;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exactly once and dead letters through the broker: a redelivered event gives one notification, a poison event lands
 * in the dead-letter collection with its error, and an administrator replays a dead letter after a fix.
 */
class ThroughKafkaTest extends NotificationsTestSupport {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private Inbox inbox;

	@Test
	void theSameEventDeliveredTwiceThroughKafkaGivesOneNotification() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		String confirmed = bookingEvent("confirmed", Map.of("bookingId", bookingId));
		this.kafka.send(Topics.BOOKINGS, bookingId, confirmed).get();
		this.kafka.send(Topics.BOOKINGS, bookingId, confirmed).get();
		// a later event of the same booking (same key, same partition) shows both deliveries were consumed
		this.kafka.send(Topics.BOOKINGS, bookingId, bookingEvent("completed", Map.of("bookingId", bookingId))).get();
		await().atMost(PATIENCE).until(() -> kinds().contains("booking.completed"));
		assertThat(kinds()).containsExactly("booking.completed", "booking.confirmed");
	}

	@Test
	void aPoisonEventGoesToTheDeadLetterTopicAndIsListedWithItsError() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		String poison = bookingEvent("requested", Map.of("bookingId", bookingId, "timeZone", "Mars/Olympus"));
		this.kafka.send(Topics.BOOKINGS, bookingId, poison).get();
		JsonNode letter = await().atMost(PATIENCE).until(() -> letterOf(Topics.BOOKINGS, bookingId), (found) -> found != null);
		assertThat(letter.path("error").asString()).contains("Mars/Olympus");
		assertThat(letter.path("exception").asString()).endsWith("MalformedEventException");
		assertThat(letter.path("topic").asString()).isEqualTo(Topics.BOOKINGS);
		assertThat(letter.path("value").asString()).isEqualTo(poison);
		assertThat(kinds()).isEmpty();
		// the dead-letter topic's own name lists the same letters
		this.mvc.perform(get("/api/notifications/admin/dead-letters?topic=" + Topics.BOOKINGS + ".dlt").with(admin()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/notifications/admin/dead-letters?topic=mutualis.gossip.v1").with(admin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:topic-unknown"));
	}

	@Test
	void anAdministratorReplaysADeadLetterAfterAFix() throws Exception {
		// a consumer failed on a valid event (its store was away): the platform's recoverer wrote it with these headers
		String bookingId = UUID.randomUUID().toString();
		String confirmed = bookingEvent("confirmed", Map.of("bookingId", bookingId));
		ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.deadLetter(Topics.BOOKINGS), bookingId, confirmed);
		dead.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.BOOKINGS.getBytes(StandardCharsets.UTF_8));
		dead.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "store unavailable".getBytes(StandardCharsets.UTF_8));
		dead.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, "org.springframework.dao.DataAccessResourceFailureException"
			.getBytes(StandardCharsets.UTF_8));
		this.kafka.send(dead).get();
		JsonNode letter = await().atMost(PATIENCE).until(() -> letterOf(Topics.BOOKINGS, bookingId), (found) -> found != null);
		assertThat(letter.path("error").asString()).isEqualTo("store unavailable");
		assertThat(kinds()).isEmpty();
		String id = letter.path("id").asString();
		this.mvc.perform(post("/api/notifications/admin/dead-letters/" + id + "/replay").with(as(this.requester, this.borrower, "MEMBER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/notifications/admin/dead-letters/" + id + "/replay").with(admin()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.replays").value(1));
		await().atMost(PATIENCE).until(() -> kinds().contains("booking.confirmed"));
		// replayed twice: still one notification, the event id is the same
		this.mvc.perform(post("/api/notifications/admin/dead-letters/" + id + "/replay").with(admin()))
			.andExpect(jsonPath("$.replays").value(2));
		this.kafka.send(Topics.BOOKINGS, bookingId, bookingEvent("completed", Map.of("bookingId", bookingId))).get();
		await().atMost(PATIENCE).until(() -> kinds().contains("booking.completed"));
		assertThat(kinds()).containsExactly("booking.completed", "booking.confirmed");
		this.mvc.perform(post("/api/notifications/admin/dead-letters/nothing-here/replay").with(admin()))
			.andExpect(status().isNotFound());
	}

	private JsonNode letterOf(String topic, String key) throws Exception {
		JsonNode letters = body(this.mvc.perform(get("/api/notifications/admin/dead-letters?topic=" + topic + "&limit=200")
			.with(admin())).andExpect(status().isOk()).andReturn());
		for (JsonNode letter : letters) {
			if (key.equals(letter.path("key").asString())) {
				return letter;
			}
		}
		return null;
	}

	private List<String> kinds() {
		return this.inbox.page(this.requester, 0, 100).items().stream().map(Notification::kind).toList();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return as("person-admin", null, "ADMIN");
	}

}
