package org.mutualis.booking.reservation.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.BookingTestSupport;
import org.mutualis.booking.reservation.Booking;
import org.mutualis.booking.reservation.Bookings;
import org.mutualis.booking.reservation.ReservationFixtures;
import org.mutualis.booking.reservation.application.BookingDecisions;
import org.mutualis.booking.reservation.application.BookingJobs;
import org.mutualis.booking.reservation.application.OwnerBlocks;
import org.mutualis.booking.reservation.application.Reserving;
import org.mutualis.booking.reservation.application.Series;
import org.mutualis.booking.reservation.application.Waitlisting;
import org.mutualis.contracts.EventContracts;
import org.mutualis.platform.events.Topics;
import org.mutualis.platform.test.TestActors;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mutualis.booking.reservation.ReservationFixtures.actor;

/** Every booking event the service publishes, taken from Kafka, honours its contract. */
class BookingEventsContractTest extends BookingTestSupport {

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@Autowired
	private Reserving reserving;

	@Autowired
	private BookingDecisions decisions;

	@Autowired
	private Bookings bookings;

	@Autowired
	private OwnerBlocks blocks;

	@Autowired
	private BookingJobs jobs;

	@Autowired
	private Series series;

	@Autowired
	private Waitlisting waitlisting;

	@Test
	void everyEventPublishedHonoursItsContract() {
		ReservationFixtures fixtures = new ReservationFixtures(this.listings, this.organisations, this.reserving,
				this.decisions, this.bookings, this.blocks, this.series, this.waitlisting);
		Set<String> subjects = ConcurrentHashMap.newKeySet();
		Booking moved = fixtures.counterProposedToB();
		this.decisions.acceptProposal(actor(TestActors.MEMBER_B), moved.id(), null);
		subjects.add(moved.id());
		Booking declined = fixtures.requestedByB();
		this.decisions.decline(actor(TestActors.MANAGER_A), declined.id(), "Salle fermée", null);
		subjects.add(declined.id());
		Booking cancelled = fixtures.requestedByB();
		this.decisions.cancel(actor(TestActors.MEMBER_B), cancelled.id(), "Assemblée reportée", null);
		subjects.add(cancelled.id());
		Booking expired = fixtures.requestedByB();
		subjects.add(expired.id());
		this.jobs.expireDue(Instant.now().plus(Duration.ofHours(49)));
		Booking noShow = fixtures.startedConfirmedByB();
		this.decisions.recordNoShow(actor(TestActors.MANAGER_A), noShow.id(), null);
		subjects.add(noShow.id());
		Booking completed = fixtures.startedConfirmedByB();
		subjects.add(completed.id());
		this.jobs.completeDue(Instant.now().plus(Duration.ofHours(3)));
		this.jobs.remindDue(ReservationFixtures.at(11, 13));
		subjects.add(fixtures.offerToB().id());

		Map<String, String> byType = new ConcurrentHashMap<>();
		List<String> violations = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(Topics.BOOKINGS));
			await().atMost(Duration.ofSeconds(45)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
					JsonNode envelope = this.json.readTree(record.value());
					String subject = envelope.get("subject").asString();
					if (subjects.contains(subject)) {
						assertThat(record.key()).isEqualTo(subject);
						byType.put(envelope.get("type").asString(), record.value());
						EventContracts.violations(record.value())
							.forEach((v) -> violations.add(envelope.get("type").asString() + ": " + v));
					}
				}
				return byType.size() == 10;
			});
		}
		assertThat(violations).isEmpty();
		assertThat(byType.keySet()).containsExactlyInAnyOrder("mutualis.booking.requested.v1",
				"mutualis.booking.counter-proposed.v1", "mutualis.booking.confirmed.v1", "mutualis.booking.declined.v1",
				"mutualis.booking.cancelled.v1", "mutualis.booking.expired.v1", "mutualis.booking.no-show.v1",
				"mutualis.booking.completed.v1", "mutualis.booking.reminder-due.v1", "mutualis.booking.waitlist-offered.v1");
		JsonNode done = this.json.readTree(byType.get("mutualis.booking.completed.v1")).get("data");
		assertThat(done.get("amountDue").asString()).isEqualTo("50.00");
		assertThat(done.get("marketValue").asString()).isEqualTo("120.00");
		assertThat(done.get("hours").asDouble()).isEqualTo(2.0);
		assertThat(done.get("borrowerSector").asString()).isEqualTo("Culture");
		JsonNode requested = this.json.readTree(byType.get("mutualis.booking.requested.v1")).get("data");
		assertThat(requested.get("languages").get("borrower").asString()).isEqualTo("en");
		assertThat(requested.get("listingTitle").get("fr").asString()).isEqualTo("Salle");
		assertThat(this.json.readTree(byType.get("mutualis.booking.requested.v1")).get("source").asString())
			.isEqualTo("/mutualis/booking");
	}

	private KafkaConsumer<String, String> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
	}

}
