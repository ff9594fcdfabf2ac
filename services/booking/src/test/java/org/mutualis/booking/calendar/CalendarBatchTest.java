package org.mutualis.booking.calendar;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mutualis.booking.ProjectionTestSupport;
import org.mutualis.booking.calendar.messaging.CalendarBookingEvents;
import org.mutualis.platform.events.ProcessedEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of booking events gives the calendar entries that applying them one at a time gives. */
class CalendarBatchTest extends ProjectionTestSupport {

	@Autowired
	private CalendarBookingEvents calendar;

	@Test
	void factsOfOneBookingInOneBatchCountEachChangeAndKeepTheLatest() {
		String booking = UUID.randomUUID().toString();
		String requested = event("requested", Map.of("bookingId", booking, "occurredAt", "2026-11-22T10:00:00Z"));
		String confirmed = event("confirmed", Map.of("bookingId", booking, "occurredAt", "2026-11-22T10:00:00Z"));
		assertThat(this.calendar.applyAll(List.of(requested, confirmed))).isEqualTo(2);
		Document entry = entry(booking);
		assertThat(entry.getString("status")).isEqualTo("CONFIRMED");
		assertThat(entry.getInteger("changes")).isEqualTo(2);
		assertThat(applied(booking)).isEqualTo(2);
	}

	@Test
	void aBatchOnAnExistingEntryMovesItsSequenceOnByWhatItChanged() {
		String booking = UUID.randomUUID().toString();
		this.calendar.apply(event("requested", Map.of("bookingId", booking, "occurredAt", "2026-11-22T10:00:00Z")));
		String cancelled = event("cancelled", Map.of("bookingId", booking, "occurredAt", "2026-11-23T10:00:00Z"));
		String olderConfirmation = event("confirmed", Map.of("bookingId", booking, "occurredAt", "2026-11-22T11:00:00Z"));
		assertThat(this.calendar.applyAll(List.of(cancelled, olderConfirmation))).isEqualTo(2);
		Document entry = entry(booking);
		assertThat(entry.getString("status")).isEqualTo("CANCELLED");
		assertThat(entry.getInteger("changes")).isEqualTo(2);
	}

	@Test
	void aRedeliveredBatchChangesNothing() {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		List<String> batch = List.of(event("requested", Map.of("bookingId", first)),
				event("confirmed", Map.of("bookingId", second)), event("reminder-due", Map.of("bookingId", second)));
		assertThat(this.calendar.applyAll(batch)).isEqualTo(2);
		assertThat(this.calendar.applyAll(batch)).isZero();
		assertThat(entry(first).getInteger("changes")).isEqualTo(1);
		assertThat(entry(second).getInteger("changes")).isEqualTo(1);
		assertThat(applied(first) + applied(second)).isEqualTo(2);
	}

	private Document entry(String booking) {
		Document entry = this.mongo.findById(booking, Document.class, "calendar_entries");
		assertThat(entry).isNotNull();
		return entry;
	}

	private long applied(String booking) {
		return this.mongo.count(Query.query(Criteria.where("subject").is(booking)
			.and("consumer").is(CalendarBookingEvents.CONSUMER)), ProcessedEvents.COLLECTION);
	}

}
