package org.mutualis.booking.reservation;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutualis.booking.listing.BookableListing;
import org.mutualis.booking.listing.BookingMode;
import org.mutualis.booking.listing.BookingRules;
import org.mutualis.booking.listing.BookingUnit;
import org.mutualis.booking.listing.CostRecovery;
import org.mutualis.booking.listing.ListingStatus;
import org.mutualis.booking.listing.Title;
import org.mutualis.booking.listing.WeeklyWindow;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Booking aggregate and its policies, without Spring. */
class BookingTest {

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");

	@Test
	void anApprovalRequestWaitsAndExpiresAfterTheDelayButNeverAfterItsStart() {
		Booking booking = request(BookingMode.APPROVAL, local(2026, 12, 10, 10), local(2026, 12, 10, 12));
		assertThat(booking.status()).isEqualTo(BookingStatus.REQUESTED);
		assertThat(booking.state().expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));
		assertThat(booking.pendingEvents()).hasSize(1).first().isInstanceOf(BookingRequested.class);
		Booking soon = request(BookingMode.APPROVAL, NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(6)));
		assertThat(soon.state().expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(5)));
		assertThatThrownBy(() -> booking.expire(NOW.plus(Duration.ofHours(47)))).isInstanceOf(Refusal.class);
		booking.expire(NOW.plus(Duration.ofHours(48)));
		assertThat(booking.status()).isEqualTo(BookingStatus.EXPIRED);
		assertThat(booking.status().holdsTime()).isFalse();
	}

	@Test
	void anInstantRequestIsConfirmedAtOnce() {
		Booking booking = request(BookingMode.INSTANT, local(2026, 12, 10, 10), local(2026, 12, 10, 12));
		assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(booking.pendingEvents()).extracting((e) -> e.getClass().getSimpleName())
			.containsExactly("BookingRequested", "BookingConfirmed");
		assertThat(booking.state().expiresAt()).isNull();
	}

	@Test
	void aConfirmedBookingIsCancelledOnlyBeforeTheNotice() {
		Booking booking = request(BookingMode.INSTANT, local(2026, 12, 10, 10), local(2026, 12, 10, 12));
		Instant tooLate = local(2026, 12, 9, 11);
		assertThatThrownBy(() -> booking.cancel(Side.BORROWER, "p", "Imprévu", tooLate))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.type()).isEqualTo("cancellation-notice-passed"));
		booking.cancel(Side.OWNER, "p", "Inondation", local(2026, 12, 9, 9));
		assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
		BookingCancelled event = (BookingCancelled) booking.pendingEvents().get(2);
		assertThat(event.cancelledBy()).isEqualTo("OWNER");
		assertThat(event.localStart()).isEqualTo("2026-12-10T10:00");
	}

	@Test
	void aBookingConfirmedInsideItsNoticeMayBeCancelledForAnHourThenNot() {
		// confirmed at once 20 hours before its start, inside the 24-hour notice: never cancellable before
		Booking booking = request(BookingMode.INSTANT, NOW.plus(Duration.ofHours(20)), NOW.plus(Duration.ofHours(22)));
		Booking copy = request(BookingMode.INSTANT, NOW.plus(Duration.ofHours(20)), NOW.plus(Duration.ofHours(22)));
		assertThatThrownBy(() -> copy.cancel(Side.BORROWER, "p", "Erreur", NOW.plus(Duration.ofMinutes(61))))
			.isInstanceOfSatisfying(Refusal.class, (r) -> {
				assertThat(r.type()).isEqualTo("cancellation-notice-passed");
				assertThat(r.properties()).containsKey("latestCancellation");
			});
		booking.cancel(Side.BORROWER, "p", "Erreur de date", NOW.plus(Duration.ofMinutes(59)));
		assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
	}

	@Test
	void completionStatesTheAmountDueExactly() {
		Booking booking = request(BookingMode.INSTANT, local(2026, 12, 10, 10), local(2026, 12, 10, 13));
		assertThatThrownBy(() -> booking.complete(local(2026, 12, 10, 12))).isInstanceOf(Refusal.class);
		booking.complete(local(2026, 12, 10, 14));
		BookingCompleted completed = (BookingCompleted) booking.pendingEvents().get(2);
		assertThat(completed.amountDue()).isEqualTo("75.00");
		assertThat(completed.marketValue()).isEqualTo("180.00");
		assertThat(completed.bookedUnits()).isEqualTo(3.0);
	}

	@Test
	void acceptingACounterProposalMovesAndConfirms() {
		Booking booking = request(BookingMode.APPROVAL, local(2026, 12, 10, 10), local(2026, 12, 10, 12));
		assertThatThrownBy(() -> booking.acceptProposal("b", NOW)).isInstanceOf(Refusal.class);
		TimeRange other = new TimeRange(local(2026, 12, 11, 14), local(2026, 12, 11, 16));
		booking.proposeOtherTime("o", other, "Plutôt jeudi", NOW);
		assertThatThrownBy(() -> booking.confirm("o", NOW))
			.isInstanceOfSatisfying(Refusal.class, (r) -> assertThat(r.type()).isEqualTo("counter-proposal-pending"));
		booking.acceptProposal("b", NOW);
		assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(booking.range()).isEqualTo(other);
	}

	@Test
	void halfDaysAreFourHourBlocksFromTheOpeningOfTheWindow() {
		BookableListing listing = listing(BookingUnit.HALF_DAY, LocalTime.of(9, 0), LocalTime.of(17, 0));
		OpeningHoursPolicy policy = new OpeningHoursPolicy();
		assertThat(policy.check(listing, range(2026, 12, 7, 9, 13))).isInstanceOf(PolicyResult.Allowed.class);
		assertThat(policy.check(listing, range(2026, 12, 7, 13, 17))).isInstanceOf(PolicyResult.Allowed.class);
		assertThat(policy.check(listing, range(2026, 12, 7, 9, 17))).isInstanceOf(PolicyResult.Allowed.class);
		assertThat(policy.check(listing, range(2026, 12, 7, 10, 14))).isInstanceOf(PolicyResult.Broken.class);
		assertThat(policy.check(listing, range(2026, 12, 7, 9, 11))).isInstanceOf(PolicyResult.Broken.class);
	}

	@Test
	void wholeDaysRunFromOpeningToClosingAcrossALocalDaylightSavingChange() {
		BookableListing listing = listing(BookingUnit.DAY, LocalTime.of(8, 0), LocalTime.of(18, 0));
		OpeningHoursPolicy policy = new OpeningHoursPolicy();
		// 2027-03-14 is the spring-forward Sunday in Toronto; local opening and closing hours still hold
		TimeRange weekend = new TimeRange(LocalDateTime.of(2027, 3, 13, 8, 0).atZone(ZONE).toInstant(),
				LocalDateTime.of(2027, 3, 15, 18, 0).atZone(ZONE).toInstant());
		assertThat(policy.check(listing, weekend)).isInstanceOf(PolicyResult.Allowed.class);
		assertThat(DurationPolicy.days(listing, weekend)).isEqualTo(3);
		// a day's hours that are not opening to closing: refused as whole days only, naming that day's hours
		PolicyResult partDay = policy.check(listing, new TimeRange(weekend.start().plus(Duration.ofHours(1)), weekend.end()));
		assertThat(partDay).isInstanceOfSatisfying(PolicyResult.Broken.class, (broken) -> {
			assertThat(broken.refusal().type()).isEqualTo("whole-days-only");
			assertThat(broken.refusal().properties()).containsEntry("dayStart", weekend.start().toString());
			assertThat(broken.refusal().properties()).containsEntry("dayEnd",
					LocalDateTime.of(2027, 3, 13, 18, 0).atZone(ZONE).toInstant().toString());
		});
	}

	@Test
	void theMonthlyQuotaCountsInTheListingsTimeZone() {
		// 2027-01-01T03:00Z is still December 31 in Toronto
		Instant newYearsEveLocal = Instant.parse("2027-01-01T03:00:00Z");
		assertThat(MonthlyQuotas.key("l", "o", java.time.YearMonth.from(newYearsEveLocal.atZone(ZONE))))
			.isEqualTo("l|o|2026-12");
	}

	@Test
	void slotsCoverEveryMinuteARangeTouches() {
		TimeRange range = new TimeRange(Instant.parse("2026-12-10T15:02:00Z"), Instant.parse("2026-12-10T15:11:00Z"));
		assertThat(Slots.startOf(Slots.first(range))).isEqualTo(Instant.parse("2026-12-10T15:00:00Z"));
		assertThat(Slots.startOf(Slots.end(range))).isEqualTo(Instant.parse("2026-12-10T15:15:00Z"));
	}

	private static Booking request(BookingMode mode, Instant start, Instant end) {
		BookingTerms terms = new BookingTerms("l", new Title("Salle", "Room"), "SPACE", BookingUnit.HOUR, ZONE.getId(),
				"Roussillon", "owner", "Le Phare", "fr", null, "borrower", "La Ruche", "fr", null, mode, "RATE",
				new BigDecimal("25"), new BigDecimal("60"), 24, 0, 0);
		return Booking.request("b-1", terms, "person", 1, new TimeRange(start, end), null, null, null, NOW,
				Duration.ofHours(48));
	}

	private static BookableListing listing(BookingUnit unit, LocalTime from, LocalTime to) {
		List<WeeklyWindow> weekly = java.util.Arrays.stream(DayOfWeek.values())
			.map((day) -> new WeeklyWindow(day, from, to))
			.toList();
		return new BookableListing("l", "owner", ListingStatus.PUBLISHED, "EQUIPMENT", new Title("Remorque", "Trailer"),
				"Roussillon", 1, 1, unit, ZONE, weekly, List.of(),
				new BookingRules(BookingMode.INSTANT, 60, 4320, 0, 365, 0, 0, null, 24), new CostRecovery("FREE", null),
				null, List.of(), NOW);
	}

	private static TimeRange range(int year, int month, int day, int fromHour, int toHour) {
		return new TimeRange(local(year, month, day, fromHour), local(year, month, day, toHour));
	}

	private static Instant local(int year, int month, int day, int hour) {
		return LocalDate.of(year, month, day).atTime(hour, 0).atZone(ZONE).toInstant();
	}

}
