package org.mutualis.notifications.inbox.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.contracts.EventContracts;
import org.mutualis.notifications.NotificationsApplication;
import org.mutualis.notifications.directory.Memberships;
import org.mutualis.notifications.directory.People;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.mail.MailQueue;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.test.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notifications instances in one consumer group on one broker and one database, while the second joins (a
 * rebalance) and every reminder is published twice: both sides get each reminder exactly once, in the inbox and by
 * e-mail.
 */
class TwoInstancesReminderIT {

	private static final int BOOKINGS = 20;

	@Test
	@SuppressWarnings("unchecked")
	void eachReminderReachesBothSidesExactlyOnce() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String store = infrastructure.freshMongoDatabaseUri("notifications-reminders");
		String[] arguments = { "--spring.mongodb.uri=" + store, TestInfrastructure.databaseArgument(store),
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--spring.kafka.consumer.group-id=reminders-" + UUID.randomUUID(), "--server.port=0",
				"--mutualis.mail.mode=folder", "--mutualis.mail.folder=target/two-instances-mail",
				"--mutualis.mail.send-every=PT0.5S" };
		try (ConfigurableApplicationContext first = start(arguments)) {
			String owner = UUID.randomUUID().toString();
			String borrower = UUID.randomUUID().toString();
			String manager = "manager-" + owner;
			String requester = "requester-" + borrower;
			People people = first.getBean(People.class);
			people.record(manager, manager + "@owner.test", "Manager", "fr");
			people.record(requester, requester + "@borrower.test", "Requester", "en");
			first.getBean(Memberships.class).join(owner, manager, "MANAGER");
			KafkaTemplate<String, String> kafka = first.getBean(KafkaTemplate.class);
			JsonMapper json = first.getBean(JsonMapper.class);
			List<String> reminders = new ArrayList<>();
			for (int i = 0; i < BOOKINGS; i++) {
				reminders.add(reminder(json, owner, borrower, requester));
			}
			try (ConfigurableApplicationContext second = start(arguments)) {
				for (String reminder : reminders) {
					String key = json.readTree(reminder).path("subject").asString();
					kafka.send(Topics.BOOKINGS, key, reminder);
					kafka.send(Topics.BOOKINGS, key, reminder);
				}
				kafka.flush();
				Inbox inbox = first.getBean(Inbox.class);
				MongoTemplate mongo = first.getBean(MongoTemplate.class);
				await().atMost(Duration.ofSeconds(90))
					.until(() -> inbox.page(manager, 0, 100).total() == BOOKINGS
							&& inbox.page(requester, 0, 100).total() == BOOKINGS
							&& sent(mongo) == 2 * BOOKINGS);
				assertThat(second.getBean(Inbox.class).page(requester, 0, 100).items())
					.extracting((notification) -> notification.kind())
					.containsOnly("booking.reminder-due");
				assertThat(mongo.count(new Query(), MailQueue.COLLECTION)).isEqualTo(2 * BOOKINGS);
				assertThat(inbox.after(requester, 0, 100)).extracting((notification) -> notification.sequence())
					.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, BOOKINGS).boxed().toList());
			}
		}
	}

	private static long sent(MongoTemplate mongo) {
		return mongo.count(Query.query(Criteria.where("status").is(MailQueue.SENT)), MailQueue.COLLECTION);
	}

	private static String reminder(JsonMapper json, String owner, String borrower, String requester) {
		ObjectNode envelope = (ObjectNode) json.readTree(EventContracts.examples("mutualis.booking.")
			.get("mutualis.booking.reminder-due.v1"));
		String bookingId = UUID.randomUUID().toString();
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("subject", bookingId);
		envelope.put("time", Instant.now().toString());
		ObjectNode data = (ObjectNode) envelope.get("data");
		data.put("bookingId", bookingId);
		data.put("ownerOrganisationId", owner);
		data.put("borrowerOrganisationId", borrower);
		data.put("requesterId", requester);
		return json.writeValueAsString(envelope);
	}

	private static ConfigurableApplicationContext start(String[] arguments) {
		return new SpringApplicationBuilder(NotificationsApplication.class).run(arguments);
	}

}
