package org.mutualis.booking;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.calendar.messaging.CalendarBookingEvents;
import org.mutualis.booking.impact.messaging.ImpactBookingEvents;
import org.mutualis.booking.ledger.messaging.LedgerBookingEvents;
import org.mutualis.contracts.EventContracts;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The calendar, ledger and impact projections read every booking contract example, and apply each event once. */
class BookingProjectionsContractTest extends ProjectionTestSupport {

	@Autowired
	private CalendarBookingEvents calendar;

	@Autowired
	private LedgerBookingEvents ledger;

	@Autowired
	private ImpactBookingEvents impact;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Test
	void everyBookingContractExampleIsReadByEveryProjection() {
		Map<String, String> examples = EventContracts.examples("mutualis.booking.");
		assertThat(examples).containsKeys("mutualis.booking.requested.v1", "mutualis.booking.confirmed.v1",
				"mutualis.booking.declined.v1", "mutualis.booking.expired.v1", "mutualis.booking.cancelled.v1",
				"mutualis.booking.completed.v1", "mutualis.booking.no-show.v1", "mutualis.booking.counter-proposed.v1",
				"mutualis.booking.waitlist-offered.v1", "mutualis.booking.reminder-due.v1");
		examples.forEach((type, example) -> {
			String fact = type.substring("mutualis.booking.".length(), type.length() - ".v1".length());
			String booking = UUID.randomUUID().toString();
			String json = event(fact, Map.of("bookingId", booking));
			assertThat(this.calendar.apply(json)).as(type).isEqualTo(!"reminder-due".equals(fact));
			assertThat(this.ledger.apply(json)).as(type).isEqualTo("completed".equals(fact));
			assertThat(this.impact.apply(json)).as(type).isEqualTo("completed".equals(fact));
			if (!"reminder-due".equals(fact)) {
				assertThat(this.mongo.findById(booking, Document.class, "calendar_entries")).as(type).isNotNull();
			}
		});
	}

	@Test
	void aRedeliveredCompletionIsAppliedOnce() {
		String booking = UUID.randomUUID().toString();
		String completed = event("completed", Map.of("bookingId", booking));
		assertThat(this.calendar.apply(completed)).isTrue();
		assertThat(this.ledger.apply(completed)).isTrue();
		assertThat(this.impact.apply(completed)).isTrue();

		assertThat(this.calendar.apply(completed)).isFalse();
		assertThat(this.ledger.apply(completed)).isFalse();
		assertThat(this.impact.apply(completed)).isFalse();

		assertThat(this.mongo.findById(booking, Document.class, "calendar_entries").getInteger("changes")).isEqualTo(1);
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(booking)), "ledger_entries")).isEqualTo(1);
		assertThat(this.mongo.findById(booking, Document.class, "ledger_entries").getString("amount")).isEqualTo("75.00");
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(booking)), "impact_facts")).isEqualTo(1);
	}

	@Test
	void aSecondCompletionOfTheSameBookingUnderAnotherEventIdMakesNoSecondEntry() {
		String booking = UUID.randomUUID().toString();
		assertThat(this.ledger.apply(event("completed", Map.of("bookingId", booking, "amountDue", "10.00")))).isTrue();
		this.ledger.apply(event("completed", Map.of("bookingId", booking, "amountDue", "99.00")));
		assertThat(this.mongo.findById(booking, Document.class, "ledger_entries").getString("amount")).isEqualTo("10.00");
	}

	@Test
	void freeOrZeroCompletionsMakeNoLedgerEntryButCountInTheImpact() {
		String free = UUID.randomUUID().toString();
		String nothingDue = UUID.randomUUID().toString();
		assertThat(this.ledger.apply(event("completed", Map.of("bookingId", free, "costMode", "FREE", "amountDue", "0.00"))))
			.isTrue();
		assertThat(this.ledger.apply(event("completed", Map.of("bookingId", nothingDue, "amountDue", "0.00")))).isTrue();
		assertThat(this.mongo.findById(free, Document.class, "ledger_entries")).isNull();
		assertThat(this.mongo.findById(nothingDue, Document.class, "ledger_entries")).isNull();
		assertThat(this.impact.apply(event("completed", Map.of("bookingId", free, "costMode", "FREE", "amountDue", "0.00"))))
			.isTrue();
		assertThat(this.mongo.findById(free, Document.class, "impact_facts")).isNotNull();
	}

	@Test
	void anOlderFactDoesNotUndoALaterOne() {
		String booking = UUID.randomUUID().toString();
		this.calendar.apply(event("cancelled", Map.of("bookingId", booking, "occurredAt", "2026-11-23T10:00:00Z")));
		assertThat(this.calendar.apply(event("confirmed", Map.of("bookingId", booking, "occurredAt", "2026-11-22T10:00:00Z"))))
			.isTrue();
		assertThat(this.mongo.findById(booking, Document.class, "calendar_entries").getString("status")).isEqualTo("CANCELLED");
	}

	@Test
	void malformedEventsAreRefusedForTheDeadLetterTopic() {
		assertThatThrownBy(() -> this.ledger.apply(event("completed", Map.of("bookingId", "x", "amountDue", "12,50"))))
			.isInstanceOf(MalformedEventException.class);
		assertThatThrownBy(() -> this.calendar.apply(event("confirmed", Map.of("bookingId", "y", "timeZone", "Mars/Olympus"))))
			.isInstanceOf(MalformedEventException.class);
		assertThatThrownBy(() -> this.impact.apply(event("completed", Map.of("bookingId", "z", "listingKind", "BOAT"))))
			.isInstanceOf(MalformedEventException.class);
	}

	@Test
	void aCompletionDeliveredTwiceThroughKafkaMakesOneEntryInEachProjection() {
		String booking = UUID.randomUUID().toString();
		String completed = event("completed", Map.of("bookingId", booking));
		this.kafka.send(Topics.BOOKINGS, booking, completed).join();
		this.kafka.send(Topics.BOOKINGS, booking, completed).join();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.mongo.findById(booking, Document.class, "ledger_entries")).isNotNull();
			assertThat(this.mongo.findById(booking, Document.class, "impact_facts")).isNotNull();
			assertThat(this.mongo.findById(booking, Document.class, "calendar_entries")).isNotNull();
		});
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (String consumer : new String[] { LedgerBookingEvents.CONSUMER, ImpactBookingEvents.CONSUMER,
					CalendarBookingEvents.CONSUMER }) {
				assertThat(this.mongo.count(Query.query(Criteria.where("subject").is(booking).and("consumer").is(consumer)),
						ProcessedEvents.COLLECTION))
					.as(consumer)
					.isEqualTo(1);
			}
		});
		assertThat(this.mongo.findById(booking, Document.class, "calendar_entries").getInteger("changes")).isEqualTo(1);
	}

}
