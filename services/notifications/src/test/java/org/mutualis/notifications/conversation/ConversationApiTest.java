package org.mutualis.notifications.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mutualis.contracts.EventContracts;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.directory.Listings;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.inbox.messaging.BookingEvents;
import org.mutualis.notifications.mail.MailQueue;
import org.mutualis.platform.events.Topics;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConversationApiTest extends NotificationsTestSupport {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	private BookingEvents bookingEvents;

	@Autowired
	private Listings listings;

	@Autowired
	private Inbox inbox;

	@Value("${spring.kafka.bootstrap-servers}")
	private String kafka;

	@Test
	void theTwoOrganisationsOfABookingTalkAndTheOtherSideIsToldOnce() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		this.bookingEvents.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
		String first = body(postMessage("/api/notifications/conversations/bookings/" + bookingId + "/messages",
				"Pouvons-nous arriver 15 minutes plus tôt?", requester()).andExpect(status().isCreated()).andReturn())
			.path("id")
			.asString();
		assertThat(first).isNotBlank();
		Notification told = await().atMost(PATIENCE)
			.until(() -> latest(this.ownerManager, "conversation.message"), (found) -> found != null);
		assertThat(told.title()).isEqualTo("Nouveau message de Coopérative La Ruche : Salle polyvalente du Phare");
		assertThat(told.body()).contains("« Pouvons-nous arriver 15 minutes plus tôt? »");
		String conversation = "booking:" + bookingId;
		assertThat(told.link()).isEqualTo("/conversations/booking%3A" + bookingId);
		assertThat(told.conversationId()).isEqualTo(conversation);
		// the owner's manager was not in the thread: an e-mail goes
		assertThat(mails(this.ownerManager + "@lephare.test", conversation)).isEqualTo(1);
		this.mvc.perform(get("/api/notifications/conversations").with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + conversation + "')].unread").value(1));
		postMessage("/api/notifications/conversations/" + conversation + "/messages", "Oui, aucun problème.", manager())
			.andExpect(status().isCreated());
		Notification answer = await().atMost(PATIENCE)
			.until(() -> latest(this.requester, "conversation.message"), (found) -> found != null);
		assertThat(answer.title()).isEqualTo("New message from Centre communautaire Le Phare: Le Phare multipurpose room");
		// the requester wrote a moment ago: told in-app only
		assertThat(mails(this.requester + "@laruche.test", conversation)).isZero();
		JsonNode thread = body(this.mvc.perform(get("/api/notifications/conversations/" + conversation).with(requester()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(thread.path("messages")).hasSize(2);
		assertThat(thread.path("unread").asInt()).isEqualTo(1);
		assertThat(thread.path("kind").asString()).isEqualTo("BOOKING");
		this.mvc.perform(post("/api/notifications/conversations/" + conversation + "/read").with(requester()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unread").value(0));
		assertThat(this.inbox.page(this.ownerManager, 0, 100).items()
			.stream()
			.filter((n) -> n.kind().equals("conversation.message"))).hasSize(1);
	}

	@Test
	void onlyTheTwoOrganisationsReachAThreadAndAdministratorsOnlyOnceReported() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		this.bookingEvents.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
		String conversation = "booking:" + bookingId;
		RequestPostProcessor outsider = as("outsider", UUID.randomUUID().toString(), "MANAGER");
		postMessage("/api/notifications/conversations/bookings/" + bookingId + "/messages", "Allô", outsider)
			.andExpect(status().isNotFound());
		postMessage("/api/notifications/conversations/bookings/" + bookingId + "/messages", "Bonjour", requester())
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/notifications/conversations/" + conversation).with(outsider))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:conversation-not-found"));
		postMessage("/api/notifications/conversations/" + conversation + "/messages", "Allô", outsider)
			.andExpect(status().isNotFound());
		RequestPostProcessor admin = as("person-admin", null, "ADMIN");
		this.mvc.perform(get("/api/notifications/conversations/" + conversation).with(admin)).andExpect(status().isNotFound());
		postMessage("/api/notifications/conversations/" + conversation + "/messages", "Allô", admin)
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/notifications/conversations/" + conversation + "/report").with(outsider))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/notifications/conversations/" + conversation + "/report").with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reported").value(true));
		this.mvc.perform(get("/api/notifications/conversations/" + conversation).with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[0].text").value("Bonjour"));
		this.mvc.perform(get("/api/notifications/conversations/" + conversation)).andExpect(status().isUnauthorized());
	}

	@Test
	void messagesArePlainTextLengthCappedWithLinksMadeSafe() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		this.bookingEvents.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
		String path = "/api/notifications/conversations/bookings/" + bookingId + "/messages";
		JsonNode message = body(postMessage(path,
				"Voir https://exemple.org/plan\u202Egpj.exe et javascript:alert(1)\u0007\n\n\n\n\n\nFin", requester())
			.andExpect(status().isCreated())
			.andReturn());
		assertThat(message.path("text").asString())
			.isEqualTo("Voir https://exemple.org/plangpj.exe et javascript[:]alert(1)\n\n\nFin");
		assertThat(message.path("links")).hasSize(1);
		assertThat(message.path("links").get(0).asString()).isEqualTo("https://exemple.org/plangpj.exe");
		postMessage(path, "x".repeat(MessageText.MAX_LENGTH + 1), requester()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:message-too-long"));
		postMessage(path, " \u200B\n ", requester()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:message-empty"));
		this.mvc.perform(post(path).with(requester()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anOrganisationAsksAboutAListingBeforeBooking() throws Exception {
		this.listings.record(this.listing, this.owner, "Grande salle", "Large hall", null);
		postMessage("/api/notifications/conversations/listings/" + this.listing + "/messages", "Est-ce accessible?",
				requester())
			.andExpect(status().isCreated());
		String conversation = "inquiry:" + this.listing + ":" + this.borrower;
		this.mvc.perform(get("/api/notifications/conversations/" + conversation).with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("LISTING_INQUIRY"))
			.andExpect(jsonPath("$.ownerOrganisationId").value(this.owner));
		postMessage("/api/notifications/conversations/listings/" + this.listing + "/messages", "Allô", manager())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:inquiry-own-listing"));
		postMessage("/api/notifications/conversations/listings/nothing/messages", "Allô", requester())
			.andExpect(status().isNotFound());
	}

	@Test
	void theMessagePostedEventMatchesItsContract() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		this.bookingEvents.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.CONVERSATIONS));
			postMessage("/api/notifications/conversations/bookings/" + bookingId + "/messages", "Merci!", requester())
				.andExpect(status().isCreated());
			String[] found = new String[1];
			await().atMost(PATIENCE).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (("booking:" + bookingId).equals(record.key())) {
						found[0] = record.value();
					}
				}
				return found[0] != null;
			});
			assertThat(EventContracts.violations(found[0])).isEmpty();
			JsonNode event = this.json.readTree(found[0]);
			assertThat(event.path("type").asString()).isEqualTo("mutualis.conversation.message-posted.v1");
			assertThat(event.path("data").path("toOrganisationId").asString()).isEqualTo(this.owner);
		}
	}

	private ResultActions postMessage(String path, String text, RequestPostProcessor who) throws Exception {
		return this.mvc.perform(post(path).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("text", text))));
	}

	private Notification latest(String person, String kind) {
		return this.inbox.page(person, 0, 100).items().stream().filter((n) -> n.kind().equals(kind)).findFirst().orElse(null);
	}

	private long mails(String to, String conversation) {
		return this.mongo.count(Query.query(Criteria.where("to").is(to).and("batchKey").regex("^" + conversation.replace(":", "\\:"))),
				MailQueue.COLLECTION);
	}

	private RequestPostProcessor requester() {
		return as(this.requester, this.borrower, "MEMBER");
	}

	private RequestPostProcessor manager() {
		return as(this.ownerManager, this.owner, "MANAGER");
	}

}
