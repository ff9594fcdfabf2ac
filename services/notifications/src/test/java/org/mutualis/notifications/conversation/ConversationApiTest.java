package org.mutualis.notifications.conversation;

import java.time.Duration;
import java.time.Instant;
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
import org.mutualis.notifications.conversation.application.Conversing;
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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
	void someoneInBothOrganisationsIsNotToldOfTheirOwnMessage() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		this.bookingEvents.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
		// the owner's manager is also a member of the borrowing organisation, and writes for it
		this.memberships.join(this.borrower, this.ownerManager, "MEMBER");
		String colleague = UUID.randomUUID().toString();
		this.people.record(colleague, colleague + "@lephare.test", "Collègue Le Phare", "fr");
		this.memberships.join(this.owner, colleague, "MEMBER");
		postMessage("/api/notifications/conversations/bookings/" + bookingId + "/messages", "Je réserve pour La Ruche.",
				as(this.ownerManager, this.borrower, "MEMBER"))
			.andExpect(status().isCreated());
		await().atMost(PATIENCE).until(() -> latest(colleague, "conversation.message"), (found) -> found != null);
		assertThat(latest(this.ownerManager, "conversation.message")).isNull();
	}

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
		assertThat(told.title()).isEqualTo("Nouveau message — Coopérative La Ruche : Salle polyvalente du Phare");
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
	void anOrganisationNotApprovedNeitherOpensAThreadNorPosts() throws Exception {
		this.listings.record(this.listing, this.owner, "Grande salle", "Large hall", null);
		String newcomer = UUID.randomUUID().toString();
		this.organisations.record(newcomer, "REGISTERED", "Atelier vélo Roussillon", "fr", Instant.now());
		RequestPostProcessor itsManager = as(UUID.randomUUID().toString(), newcomer, "MANAGER");
		String path = "/api/notifications/conversations/listings/" + this.listing + "/messages";
		JsonNode refused = body(postMessage(path, "hello", itsManager).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn());
		assertThat(refused.path("type").asString()).isEqualTo("urn:mutualis:problem:organisation-not-approved");
		assertThat(refused.path("detail").asString())
			.isEqualTo("Votre organisation doit être approuvée par le pôle régional avant d’écrire aux autres organisations.");
		this.mvc.perform(post(path).with(itsManager)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"hello\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(
					"Your organisation must be approved by the regional hub before it writes to other organisations."));
		// an organisation identity never told of is not approved either
		postMessage(path, "hello", as(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "MEMBER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:organisation-not-approved"));
		// nothing was opened, nobody was told
		this.mvc.perform(get("/api/notifications/conversations/inquiry:" + this.listing + ":" + newcomer).with(manager()))
			.andExpect(status().isNotFound());
		assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is("inquiry:" + this.listing + ":" + newcomer)),
				"conversations")).isFalse();
		// once approved, it may
		this.organisations.record(newcomer, "APPROVED", null, null, Instant.now());
		postMessage(path, "hello", itsManager).andExpect(status().isCreated());
		// and a thread's organisation that is no longer approved no longer posts to it
		this.organisations.record(newcomer, "SUSPENDED", null, null, Instant.now());
		postMessage("/api/notifications/conversations/inquiry:" + this.listing + ":" + newcomer + "/messages", "encore",
				itsManager)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:organisation-not-approved"));
	}

	@Test
	void aReportTellsEveryAdministratorOnceInTheirLanguageAndListsTheThreadForThem() throws Exception {
		String englishAdmin = UUID.randomUUID().toString();
		this.people.record(englishAdmin, englishAdmin + "@mutualis.test", "Admin", "en");
		this.people.administrator(englishAdmin, true);
		String bookingId = UUID.randomUUID().toString();
		this.bookingEvents.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
		String conversation = "booking:" + bookingId;
		postMessage("/api/notifications/conversations/bookings/" + bookingId + "/messages", "Bonjour", requester())
			.andExpect(status().isCreated());
		this.mvc.perform(post("/api/notifications/conversations/" + conversation + "/report").with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reported").value(true));

		Notification toEnglish = only(reportsTo(englishAdmin, conversation));
		assertThat(toEnglish.title()).isEqualTo("Conversation reported: Le Phare multipurpose room");
		assertThat(toEnglish.body()).startsWith("A member of Centre communautaire Le Phare reported its conversation");
		assertThat(toEnglish.link()).isEqualTo("/conversations/booking%3A" + bookingId);
		assertThat(toEnglish.unread()).isTrue();
		Notification toFrench = only(reportsTo(ADMIN_BY_ID, conversation));
		assertThat(toFrench.title()).isEqualTo("Conversation signalée : Salle polyvalente du Phare");
		assertThat(toFrench.body()).startsWith("Un membre de l’organisation Centre communautaire Le Phare a signalé sa conversation");
		// one e-mail (the administrators' preferences: every category by e-mail by default), in English
		assertThat(this.mongo.count(Query.query(Criteria.where("to").is(englishAdmin + "@mutualis.test")
			.and("subject")
			.is("Conversation reported: Le Phare multipurpose room")), MailQueue.COLLECTION)).isEqualTo(1);
		// nobody of the two organisations is told of the report
		assertThat(reportsTo(this.requester, conversation)).isEmpty();
		assertThat(reportsTo(this.ownerManager, conversation)).isEmpty();

		// reported again by the same organisation: nobody is told again
		this.mvc.perform(post("/api/notifications/conversations/" + conversation + "/report").with(manager()))
			.andExpect(status().isOk());
		assertThat(reportsTo(englishAdmin, conversation)).hasSize(1);
		// reported by the other one too: a new report, told once more
		this.mvc.perform(post("/api/notifications/conversations/" + conversation + "/report").with(requester()))
			.andExpect(status().isOk());
		assertThat(reportsTo(englishAdmin, conversation)).hasSize(2);
		assertThat(reportsTo(ADMIN_BY_ID, conversation)).hasSize(2);

		RequestPostProcessor admin = as(englishAdmin, null, "ADMIN");
		JsonNode page = body(this.mvc.perform(get("/api/notifications/admin/conversations/reported?size=5").with(admin))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.path("total").asLong()).isPositive();
		assertThat(page.path("size").asInt()).isEqualTo(5);
		JsonNode first = page.path("items").get(0);
		assertThat(first.path("id").asString()).isEqualTo(conversation);
		assertThat(first.path("link").asString()).isEqualTo("/conversations/booking%3A" + bookingId);
		assertThat(first.path("requesterOrganisationName").asString()).isEqualTo("Coopérative La Ruche");
		assertThat(first.path("ownerOrganisationName").asString()).isEqualTo("Centre communautaire Le Phare");
		assertThat(first.path("messageCount").asInt()).isEqualTo(1);
		assertThat(first.path("reports")).hasSize(2);
		assertThat(first.path("reports").get(0).path("organisationId").asString()).isEqualTo(this.owner);
		assertThat(first.path("reports").get(0).path("personId").asString()).isEqualTo(this.ownerManager);
		assertThat(first.path("reports").get(1).path("organisationName").asString()).isEqualTo("Coopérative La Ruche");
		assertThat(first.has("messages")).isFalse();
		// the administrator then reads it
		this.mvc.perform(get("/api/notifications/conversations/" + conversation).with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[0].text").value("Bonjour"));
	}

	@Test
	void theReportedListIsPagedNewestFirstForAdministratorsOnly() throws Exception {
		List<String> reported = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String bookingId = UUID.randomUUID().toString();
			this.bookingEvents.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
			postMessage("/api/notifications/conversations/bookings/" + bookingId + "/messages", "Bonjour " + i,
					requester())
				.andExpect(status().isCreated());
			this.mvc.perform(post("/api/notifications/conversations/booking:" + bookingId + "/report").with(requester()))
				.andExpect(status().isOk());
			reported.add(0, "booking:" + bookingId);
			Thread.sleep(5);
		}
		RequestPostProcessor admin = as("person-admin", null, "ADMIN");
		JsonNode first = body(this.mvc.perform(get("/api/notifications/admin/conversations/reported?page=0&size=2")
			.with(admin)).andExpect(status().isOk()).andReturn());
		assertThat(first.path("items")).hasSize(2);
		assertThat(first.path("items").get(0).path("id").asString()).isEqualTo(reported.get(0));
		assertThat(first.path("items").get(1).path("id").asString()).isEqualTo(reported.get(1));
		JsonNode second = body(this.mvc.perform(get("/api/notifications/admin/conversations/reported?page=1&size=2")
			.with(admin)).andExpect(status().isOk()).andReturn());
		assertThat(second.path("items").get(0).path("id").asString()).isEqualTo(reported.get(2));
		long total = first.path("total").asLong();
		// past the last page, however far: an empty page, never a wrapped-round number
		for (String far : List.of("page=999999&size=1", "page=2147483647&size=100", "page=99999999999999999999")) {
			this.mvc.perform(get("/api/notifications/admin/conversations/reported?" + far).with(admin))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items").isEmpty())
				.andExpect(jsonPath("$.total").value(total));
		}
		this.mvc.perform(get("/api/notifications/admin/conversations/reported?size=1000").with(admin))
			.andExpect(jsonPath("$.size").value(Conversing.MAX_LISTED));
		this.mvc.perform(get("/api/notifications/admin/conversations/reported?page=-1").with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:page-invalid"))
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		this.mvc.perform(get("/api/notifications/admin/conversations/reported?size=zero").with(admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:mutualis:problem:page-size-invalid"));
		// anyone else: 403, whatever the parameters
		for (String query : List.of("", "?page=abc", "?size=-4", "?page=1")) {
			this.mvc.perform(get("/api/notifications/admin/conversations/reported" + query).with(requester()))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("urn:mutualis:problem:administrator-required"));
		}
	}

	@Test
	void theReportingOrganisationGetsTheThreadsNewMessagesInAppOnly() throws Exception {
		String bookingId = UUID.randomUUID().toString();
		this.bookingEvents.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
		String conversation = "booking:" + bookingId;
		postMessage("/api/notifications/conversations/bookings/" + bookingId + "/messages", "Bonjour", requester())
			.andExpect(status().isCreated());
		await().atMost(PATIENCE).until(() -> messagesTo(this.ownerManager, conversation) == 1);
		assertThat(mails(this.ownerManager + "@lephare.test", conversation)).isEqualTo(1);
		// that e-mail went: the next message of the thread would be e-mailed again
		this.mongo.updateMulti(Query.query(Criteria.where("to").is(this.ownerManager + "@lephare.test")),
				new Update().set("status", MailQueue.SENT), MailQueue.COLLECTION);
		this.mvc.perform(post("/api/notifications/conversations/" + conversation + "/report").with(manager()))
			.andExpect(status().isOk());
		postMessage("/api/notifications/conversations/" + conversation + "/messages", "Encore moi", requester())
			.andExpect(status().isCreated());
		await().atMost(PATIENCE).until(() -> messagesTo(this.ownerManager, conversation) == 2);
		Notification inApp = latest(this.ownerManager, "conversation.message");
		assertThat(inApp.body()).contains("Encore moi");
		assertThat(inApp.unread()).isTrue();
		assertThat(mails(this.ownerManager + "@lephare.test", conversation)).isEqualTo(1);
		// the reporting side still writes to the other, which is told as before
		postMessage("/api/notifications/conversations/" + conversation + "/messages", "Merci de cesser.", manager())
			.andExpect(status().isCreated());
		await().atMost(PATIENCE).until(() -> messagesTo(this.requester, conversation) == 1);
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

	private List<Notification> reportsTo(String person, String conversation) {
		String link = org.mutualis.notifications.inbox.WebPaths.conversation(conversation);
		return this.inbox.page(person, 0, 100)
			.items()
			.stream()
			.filter((n) -> n.kind().equals("conversation.reported") && n.link().equals(link))
			.toList();
	}

	private long messagesTo(String person, String conversation) {
		return this.inbox.page(person, 0, 100)
			.items()
			.stream()
			.filter((n) -> n.kind().equals("conversation.message") && conversation.equals(n.conversationId()))
			.count();
	}

	private static Notification only(List<Notification> notifications) {
		assertThat(notifications).hasSize(1);
		return notifications.get(0);
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
