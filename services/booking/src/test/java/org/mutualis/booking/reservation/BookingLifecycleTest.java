package org.mutualis.booking.reservation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.Title;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of when each transition of a booking may happen, as the aggregate refuses them; no Spring. */
class BookingLifecycleTest {

	private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");

	private static final TimeRange TIME = new TimeRange(NOW.plus(Duration.ofDays(3)),
			NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)));

	@Test
	void aPendingRequestIsNeitherCompletedNorRemindedNorMarkedNoShow() {
		Booking pending = request(BookingMode.APPROVAL);
		refuses(() -> pending.complete(TIME.end()), "booking-not-confirmed");
		refuses(() -> pending.recordNoShow("manager", TIME.start()), "booking-not-confirmed");
		refuses(() -> pending.remind(Duration.ofHours(24), TIME.start().minus(Duration.ofHours(1))), "reminder-not-due");
		refuses(() -> pending.acceptProposal("member", NOW), "no-counter-proposal");
		refuses(() -> pending.acceptOffer("member", NOW, Duration.ofHours(48)), "no-waitlist-offer");
	}

	@Test
	void aConfirmedBookingIsNoLongerAnsweredAndWaitsForItsTime() {
		Booking confirmed = request(BookingMode.INSTANT);
		refuses(() -> confirmed.confirm("manager", NOW), "booking-not-pending");
		refuses(() -> confirmed.decline("manager", "no", NOW), "booking-not-pending");
		refuses(() -> confirmed.expire(NOW.plus(Duration.ofDays(10))), "booking-not-pending");
		refuses(() -> confirmed.recordNoShow("manager", TIME.start().minusSeconds(1)), "booking-not-started");
		refuses(() -> confirmed.complete(TIME.end().minusSeconds(1)), "booking-not-ended");
		refuses(() -> confirmed.remind(Duration.ofHours(24), TIME.start().minus(Duration.ofHours(25))),
				"reminder-not-due");
		confirmed.remind(Duration.ofHours(24), TIME.start().minus(Duration.ofHours(24)));
		refuses(() -> confirmed.remind(Duration.ofHours(24), TIME.start().minus(Duration.ofHours(1))),
				"reminder-not-due");
		confirmed.complete(TIME.end());
		refuses(() -> confirmed.cancel(Side.BORROWER, "member", "no", NOW), "booking-not-active");
	}

	@Test
	void aCounterProposalNeedsAnotherTimeAndBlocksTheConfirmation() {
		Booking pending = request(BookingMode.APPROVAL);
		refuses(() -> pending.proposeOtherTime("manager", TIME, null, NOW), "same-time-proposed");
		pending.proposeOtherTime("manager", TIME.startingAt(TIME.start().plus(Duration.ofHours(3))), null, NOW);
		refuses(() -> pending.confirm("manager", NOW), "counter-proposal-pending");
		refuses(() -> pending.expire(NOW.plus(Duration.ofHours(47))), "booking-not-expired");
		pending.declineProposal("member", "no", NOW);
		assertThat(pending.status()).isEqualTo(BookingStatus.CANCELLED);
	}

	@Test
	void aWaitingListOfferIsTakenBeforeTheOwnerAnswers() {
		Booking offer = Booking.offerFromWaitlist("b-2", terms(BookingMode.APPROVAL), "member", 1, TIME, "w-1", null,
				NOW, Duration.ofHours(24));
		assertThat(offer.state().expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
		refuses(() -> offer.confirm("manager", NOW), "offer-not-accepted");
		refuses(() -> offer.proposeOtherTime("manager", TIME.startingAt(TIME.end()), null, NOW), "offer-not-accepted");
		offer.acceptOffer("member", NOW, Duration.ofDays(30));
		assertThat(offer.state().expiresAt()).as("never later than its start").isEqualTo(TIME.start());
		offer.confirm("manager", NOW);
		assertThat(offer.status()).isEqualTo(BookingStatus.CONFIRMED);
	}

	private static void refuses(Runnable transition, String type) {
		assertThatThrownBy(transition::run)
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> assertThat(refusal.type()).isEqualTo(type));
	}

	private static Booking request(BookingMode mode) {
		return Booking.request("b-1", terms(mode), "member", 1, TIME, null, null, null, NOW, Duration.ofHours(48));
	}

	private static BookingTerms terms(BookingMode mode) {
		return new BookingTerms("l", new Title("Salle", "Room"), "SPACE", BookingUnit.HOUR, "America/Toronto",
				"Roussillon", "owner", "Le Phare", "fr", null, "borrower", "La Ruche", "fr", null, mode, "FREE", null,
				null, 24, 15, 30);
	}

}
