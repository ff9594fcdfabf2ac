package org.mutualis.notifications.inbox.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutualis.contracts.EventContracts;
import org.mutualis.notifications.NotificationsTestSupport;
import org.mutualis.notifications.inbox.Inbox;
import org.mutualis.notifications.inbox.Notification;
import org.mutualis.notifications.mail.MailQueue;
import org.mutualis.platform.events.MalformedEventException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingEventsTest extends NotificationsTestSupport {

	@Autowired
	private BookingEvents events;

	@Autowired
	private Inbox inbox;

	@Autowired
	private org.mutualis.notifications.directory.BookingDirectory directory;

	@Test
	void everyBookingContractExampleParses() {
		Map<String, String> examples = EventContracts.examples("mutualis.booking.");
		assertThat(examples).containsKeys("mutualis.booking.requested.v1", "mutualis.booking.reminder-due.v1");
		examples.forEach((type, example) -> {
			String fact = type.substring("mutualis.booking.".length(), type.length() - ".v1".length());
			assertThat(this.events.apply(bookingEvent(fact, Map.of()))).as(type).isTrue();
		});
		// requested, cancelled (by the borrower) and the reminder reach the owner's manager
		assertThat(kinds(this.ownerManager)).containsExactlyInAnyOrder("booking.requested",
				"booking.cancelled-by-borrower", "booking.reminder-due");
		// the answers, the waitlist offer, completion and the reminder reach the requester; a no-show tells nobody
		assertThat(kinds(this.requester)).containsExactlyInAnyOrder("booking.confirmed", "booking.declined",
				"booking.expired", "booking.counter-proposed", "booking.waitlist-offered", "booking.completed",
				"booking.reminder-due");
	}

	@Test
	void aRequestTellsTheOwnersManagersInFrenchInTheListingsLocalTimeWithALink() {
		this.events.apply(bookingEvent("requested", Map.of("bookingId", "b-" + this.listing)));
		Notification notification = single(this.ownerManager);
		assertThat(notification.title()).isEqualTo("Nouvelle demande de réservation : Salle polyvalente du Phare");
		assertThat(notification.body()).isEqualTo("Coopérative La Ruche demande « Salle polyvalente du Phare » du jeudi "
				+ "3 décembre 2026 à 9 h 00 au jeudi 3 décembre 2026 à 12 h 00 (heure de l’Est). Répondez avant "
				+ "l’échéance pour que la demande n’expire pas.\nMessage : « Pour notre assemblée générale. »");
		assertThat(notification.link()).isEqualTo("/bookings/b-" + this.listing);
		assertThat(notification.unread()).isTrue();
		assertThat(this.inbox.unread(this.requester)).isZero();
	}

	@Test
	void aConfirmationTellsTheRequesterInEnglish() {
		this.events.apply(bookingEvent("confirmed", Map.of()));
		Notification notification = single(this.requester);
		assertThat(notification.title()).isEqualTo("Booking confirmed: Le Phare multipurpose room");
		assertThat(notification.body()).isEqualTo("Centre communautaire Le Phare confirmed your booking of "
				+ "“Le Phare multipurpose room” from Thursday, December 3, 2026 at 9:00 AM to Thursday, December 3, "
				+ "2026 at 12:00 PM (Eastern Time).");
	}

	@Test
	void aCancellationTellsTheOtherSide() {
		this.events.apply(bookingEvent("cancelled", Map.of("cancelledBy", "OWNER")));
		assertThat(kinds(this.requester)).containsExactly("booking.cancelled-by-owner");
		assertThat(kinds(this.ownerManager)).isEmpty();
		this.events.apply(bookingEvent("cancelled", Map.of("cancelledBy", "BORROWER")));
		assertThat(kinds(this.ownerManager)).containsExactly("booking.cancelled-by-borrower");
	}

	@Test
	void aCounterProposalTellsTheProposedTimes() {
		this.events.apply(bookingEvent("counter-proposed", Map.of()));
		assertThat(single(this.requester).body()).contains("Friday, December 4, 2026 at 9:00 AM");
	}

	@Test
	void theSameEventTwiceGivesOneNotificationAndOneEmail() {
		String reminder = bookingEvent("reminder-due", Map.of());
		assertThat(this.events.apply(reminder)).isTrue();
		assertThat(this.events.apply(reminder)).isFalse();
		assertThat(kinds(this.requester)).containsExactly("booking.reminder-due");
		assertThat(kinds(this.ownerManager)).containsExactly("booking.reminder-due");
		assertThat(this.mongo.count(Query.query(Criteria.where("to").in(this.requester + "@laruche.test",
				this.ownerManager + "@lephare.test")), MailQueue.COLLECTION)).isEqualTo(2);
	}

	@Test
	void aNotificationWrittenBeforeACrashIsNotWrittenAgain() {
		// the handler ran but the event was not remembered (a crash in between): the notification ids still match
		String confirmed = bookingEvent("confirmed", Map.of());
		this.events.apply(confirmed);
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^" + BookingEvents.CONSUMER + ":")),
				org.mutualis.platform.events.ProcessedEvents.COLLECTION);
		assertThat(this.events.apply(confirmed)).isTrue();
		assertThat(kinds(this.requester)).containsExactly("booking.confirmed");
	}

	@Test
	void aPoisonEventIsRefusedAsMalformed() {
		assertThatThrownBy(() -> this.events.apply(bookingEvent("requested", Map.of("timeZone", "Mars/Olympus"))))
			.isInstanceOf(MalformedEventException.class);
		String withoutRequester = bookingEvent("confirmed", Map.of()).replace("\"requesterId\":\"" + this.requester + "\",",
				"");
		assertThatThrownBy(() -> this.events.apply(withoutRequester)).isInstanceOf(MalformedEventException.class);
		assertThatThrownBy(() -> this.events.apply("{not json")).isInstanceOf(MalformedEventException.class);
		assertThat(kinds(this.requester)).isEmpty();
	}

	@Test
	void numbersFollowEachOtherPerPerson() {
		for (int i = 0; i < 3; i++) {
			this.events.apply(bookingEvent("confirmed", Map.of("bookingId", UUID.randomUUID().toString())));
		}
		assertThat(this.inbox.after(this.requester, 0, 10)).extracting(Notification::sequence).containsExactly(1L, 2L, 3L);
	}

	@Test
	void aBatchWithARedeliveryInsideTellsEachPersonOnceAndInOrder() {
		String bookingId = UUID.randomUUID().toString();
		String confirmed = bookingEvent("confirmed", Map.of("bookingId", bookingId));
		String completed = bookingEvent("completed", Map.of("bookingId", bookingId));
		assertThat(this.events.applyAll(List.of(confirmed, confirmed, completed))).isEqualTo(2);
		assertThat(this.inbox.after(this.requester, 0, 10)).extracting(Notification::kind)
			.containsExactly("booking.confirmed", "booking.completed");
		// the whole batch again (a redelivery after a crash before the offsets were committed): nothing more
		assertThat(this.events.applyAll(List.of(confirmed, completed))).isZero();
		assertThat(kinds(this.requester)).hasSize(2);
		assertThat(this.mongo.count(Query.query(Criteria.where("to").is(this.requester + "@laruche.test")),
				MailQueue.COLLECTION)).isEqualTo(2);
	}

	@Test
	void aBookingsPartiesFollowItsLatestEventEvenWhenOnlyItsTitleChanged() {
		String bookingId = UUID.randomUUID().toString();
		this.events.apply(bookingEvent("requested", Map.of("bookingId", bookingId)));
		this.events.apply(bookingEvent("confirmed", Map.of("bookingId", bookingId)));
		assertThat(this.directory.find(bookingId)).get()
			.satisfies((parties) -> assertThat(parties.borrowerOrganisationId()).isEqualTo(this.borrower));
		this.events.apply(bookingEvent("completed",
				Map.of("bookingId", bookingId, "listingTitle", Map.of("fr", "Salle rénovée", "en", "Renovated room"))));
		assertThat(this.directory.find(bookingId)).get()
			.satisfies((parties) -> assertThat(parties.titleEn()).isEqualTo("Renovated room"));
	}

	@Test
	void aMalformedEventInABatchAppliesNoneOfIt() {
		String confirmed = bookingEvent("confirmed", Map.of("bookingId", UUID.randomUUID().toString()));
		assertThatThrownBy(() -> this.events.applyAll(List.of(confirmed, "{not json")))
			.isInstanceOf(MalformedEventException.class);
		assertThat(kinds(this.requester)).isEmpty();
	}

	private List<String> kinds(String person) {
		return this.inbox.page(person, 0, 100).items().stream().map(Notification::kind).toList();
	}

	private Notification single(String person) {
		List<Notification> items = this.inbox.page(person, 0, 100).items();
		assertThat(items).hasSize(1);
		return items.get(0);
	}

}
