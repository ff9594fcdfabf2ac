package org.mutualis.notifications.inbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mutualis.notifications.directory.Listing;
import org.mutualis.notifications.directory.Memberships;
import org.mutualis.notifications.preferences.Category;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told what, without Spring: the owner's managers, the requester, or both. */
class WhoIsToldTest {

	private final WhoIsTold whoIsTold = new WhoIsTold(new TwoManagers());

	@Test
	void eachBookingFactReachesItsSide() {
		assertThat(told("requested", null)).containsExactly("m1", "m2");
		for (String fact : List.of("confirmed", "declined", "expired", "counter-proposed", "waitlist-offered", "completed")) {
			assertThat(told(fact, null)).as(fact).containsExactly("requester");
		}
		assertThat(told("cancelled", "BORROWER")).containsExactly("m1", "m2");
		assertThat(told("cancelled", "OWNER")).containsExactly("requester");
		assertThat(told("reminder-due", null)).containsExactly("requester", "m1", "m2");
		assertThat(this.whoIsTold.booking(fact("no-show", null))).isEmpty();
	}

	@Test
	void theOtherSidesNameAndLanguageGoWithEachAddressee() {
		Notice notice = this.whoIsTold.booking(fact("reminder-due", null)).orElseThrow();
		assertThat(notice.category()).isEqualTo(Category.REMINDERS);
		assertThat(notice.link()).isEqualTo("/bookings/b1");
		assertThat(notice.addressees()).containsExactly(new Addressee("requester", "Owner", "en"),
				new Addressee("m1", "Borrower", "fr"), new Addressee("m2", "Borrower", "fr"));
	}

	@Test
	void onlyModerationDecisionsAndRegistrationDecisionsTellAnyone() {
		Listing listing = new Listing("l1", "owner", "Salle", "Room", ZoneId.of("America/Toronto"));
		assertThat(this.whoIsTold.listing("e", "published", listing, null, Instant.EPOCH)).isPresent();
		assertThat(this.whoIsTold.listing("e", "updated", listing, null, Instant.EPOCH)).isEmpty();
		assertThat(this.whoIsTold.organisation("e", "approved", "owner", "fr", null, Instant.EPOCH).orElseThrow()
			.addressees()).extracting(Addressee::personId).containsExactly("m1", "m2");
		assertThat(this.whoIsTold.organisation("e", "suspended", "owner", "fr", null, Instant.EPOCH)).isEmpty();
	}

	@Test
	void aConversationReportTellsTheAdministratorsWhichOrganisationReportedItWithALinkToTheThread() {
		Notice notice = this.whoIsTold.conversationReported("report-1", "booking:b1", Map.of("fr", "Salle", "en", "Room"),
				List.of("admin-1", "admin-2"), "Coopérative La Ruche", Instant.EPOCH);
		assertThat(notice.kind()).isEqualTo("conversation.reported");
		assertThat(notice.category()).isEqualTo(Category.CONVERSATIONS);
		assertThat(notice.link()).isEqualTo("/conversations/booking%3Ab1");
		assertThat(notice.addressees()).containsExactly(new Addressee("admin-1", "Coopérative La Ruche", null),
				new Addressee("admin-2", "Coopérative La Ruche", null));
		// neither muted with the thread nor batched with its messages' e-mails: each report reaches them
		assertThat(notice.conversationId()).isNull();
		assertThat(notice.listingId()).isNull();
		assertThat(notice.listingTitle("en")).isEqualTo("Room");
	}

	private List<String> told(String fact, @Nullable String cancelledBy) {
		return this.whoIsTold.booking(fact(fact, cancelledBy))
			.orElseThrow()
			.addressees()
			.stream()
			.map(Addressee::personId)
			.toList();
	}

	private static BookingFact fact(String fact, @Nullable String cancelledBy) {
		return new BookingFact("e1", fact, "b1", "l1", Map.of("fr", "Salle", "en", "Room"), "owner", "Owner", "borrower",
				"Borrower", "requester", "fr", "en", LocalDateTime.parse("2026-12-03T09:00"),
				LocalDateTime.parse("2026-12-03T12:00"), ZoneId.of("America/Toronto"), cancelledBy, null, Instant.EPOCH);
	}

	/** Organisation "owner" has two managers; nobody else manages anything. */
	private static final class TwoManagers implements Memberships {

		@Override
		public void join(String organisationId, String personId, String role) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void leave(String organisationId, String personId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<String> managersOf(String organisationId) {
			return "owner".equals(organisationId) ? List.of("m1", "m2") : List.of();
		}

		@Override
		public List<String> membersOf(String organisationId) {
			return managersOf(organisationId);
		}

		@Override
		public Optional<String> roleOf(String organisationId, String personId) {
			return Optional.empty();
		}

	}

}
